package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenRejected;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenType;

/**
 * simplejwt's TokenVerifyView, stricter: a token of either type must be validly signed, unexpired, issued here,
 * belong to an existing user who has not signed out everywhere since and, for a refresh token, be neither spent
 * nor revoked.
 */
public final class VerifyToken {
    private final TokenService tokens;
    private final UserStore users;
    private final RevocationStore revocations;

    public VerifyToken(TokenService tokens, UserStore users, RevocationStore revocations) {
        this.tokens = tokens;
        this.users = users;
        this.revocations = revocations;
    }

    public void verify(ObjectNode body, String issuer) {
        Fields fields = new Fields(body);
        String token = fields.required("token");
        fields.throwIfAny();
        TokenClaims claims;
        try {
            claims = tokens.verifyAnyType(token, issuer);
        } catch (TokenRejected rejected) {
            throw Errors.tokenInvalidOrExpired();
        }
        boolean revoked = (claims.type() == TokenType.REFRESH && revocations.isRevoked(claims))
                || users.findById(claims.userId()).map(user -> user.signedOutSince(claims.sessionStart())).orElse(true);
        if (revoked) {
            throw Errors.tokenBlacklisted();
        }
    }
}
