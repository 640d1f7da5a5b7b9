package dev.accounts.core.store;

import dev.accounts.core.token.TokenClaims;
import java.time.Instant;

/**
 * Spent and revoked refresh tokens: by login family (its generation: every token below it is spent; or its
 * revocation), by user, and by token (jti) for tokens spent before generations existed. Records expire with the
 * tokens.
 */
public interface RevocationStore {
    enum SpendOutcome {
        /** The token was unspent and is now spent: issue its successor. */
        SPENT,
        /** It had been spent before: a replay, to be treated as theft. */
        ALREADY_SPENT,
        /** Its family or its user was revoked (logout, reuse, account deletion). */
        REVOKED,
        /** Its user no longer exists, or signed out everywhere after its session began. */
        USER_GONE
    }

    /**
     * Spends a refresh token by one conditional write, at {@code at}: of two concurrent spends exactly one
     * succeeds. Its successor must carry the next generation and the same session start
     * ({@code TokenService.rotate}). The family's record outlives every token of the family.
     */
    SpendOutcome spend(TokenClaims refresh, Instant at);

    /**
     * A spend whose answer was lost (the SDK gave up) may have committed: noted until {@code until}, so that the
     * client's retry, as the 503 told it, is not taken for theft. Best effort: never throws.
     */
    void noteUncertainSpend(TokenClaims refresh, Instant until);

    /** True while a note of {@link #noteUncertainSpend} for this token lasts. */
    boolean spendWasUncertain(TokenClaims refresh);

    /** Revokes a login family; false when it was already revoked. */
    boolean revokeFamily(String family, String userId, Instant until);

    /** True when the token was spent, or its family or its user revoked. */
    boolean isRevoked(TokenClaims refresh);
}
