package dev.accounts.core.account;

import dev.accounts.core.contract.Errors;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenRejected;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenType;
import java.util.Optional;

/**
 * simplejwt's JWTAuthentication: `Authorization: Bearer <access>`, a valid access token, an existing user who has
 * not signed out everywhere since the token's session began (checked on the user read anyway: no extra call).
 */
public final class Authenticator {
    private static final String SCHEME = "bearer";

    private final TokenService tokens;
    private final UserStore users;

    public Authenticator(TokenService tokens, UserStore users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** {@code authorization} is the request's Authorization header, absent when it had none. */
    public User authenticate(Optional<String> authorization, String issuer) {
        String header = authorization.orElse("").trim();
        String[] parts = header.split("\\s+");
        if (parts.length == 0 || !SCHEME.equalsIgnoreCase(parts[0])) {
            throw Errors.notAuthenticated();
        }
        if (parts.length != 2) {
            throw Errors.bearerTokenInvalidOrExpired();
        }
        TokenClaims claims;
        try {
            claims = tokens.verify(parts[1], TokenType.ACCESS, issuer);
        } catch (TokenRejected rejected) {
            throw rejected.reason() == TokenRejected.Reason.WRONG_TYPE
                    ? Errors.bearerTokenWrongType()
                    : Errors.bearerTokenInvalidOrExpired();
        }
        User user = users.findById(claims.userId()).orElseThrow(Errors::userNotFound);
        if (user.signedOutSince(claims.sessionStart())) {
            throw Errors.tokenBlacklisted(); // logout-all, or a password change or reset, came after this token
        }
        return user;
    }
}
