package dev.accounts.core.store;

import dev.accounts.core.token.TokenClaims;
import java.time.Instant;

/** Spent and revoked refresh tokens, by token (jti), login family and user. Records expire with the tokens. */
public interface RevocationStore {
    enum SpendOutcome {
        /** The token was unspent and is now spent: issue its successor. */
        SPENT,
        /** It had been spent before: a replay, to be treated as theft. */
        ALREADY_SPENT,
        /** Its family or its user was revoked (logout, reuse, account deletion). */
        REVOKED,
        /** Its user no longer exists, or signed out everywhere after it was issued. */
        USER_GONE
    }

    /** Spends a refresh token in one conditional transaction: of two concurrent spends exactly one succeeds. */
    SpendOutcome spend(TokenClaims refresh);

    /** Revokes a login family; false when it was already revoked. */
    boolean revokeFamily(String family, String userId, Instant until);

    /** True when the token was spent, or its family or its user revoked. */
    boolean isRevoked(TokenClaims refresh);
}
