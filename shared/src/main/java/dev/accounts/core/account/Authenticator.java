package dev.accounts.core.account;

import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.Errors;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenRejected;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenType;

/** simplejwt's JWTAuthentication: `Authorization: Bearer <access>`, a valid access token, an existing user. */
public final class Authenticator {
    private static final String SCHEME = "bearer";

    private final TokenService tokens;
    private final UserStore users;

    public Authenticator(TokenService tokens, UserStore users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** SnapStart priming: the user lookup and a found user's mapping; nothing is written. */
    public void prime() {
        users.primeReads();
    }

    public User authenticate(ApiRequest request, String issuer) {
        String header = request.header("authorization").orElse("").trim();
        String[] parts = header.split("\\s+");
        if (parts.length == 0 || !SCHEME.equalsIgnoreCase(parts[0])) {
            throw Errors.notAuthenticated();
        }
        if (parts.length != 2) {
            throw Errors.notValidForAnyTokenType();
        }
        TokenClaims claims;
        try {
            claims = tokens.verify(parts[1], TokenType.ACCESS, issuer);
        } catch (TokenRejected rejected) {
            throw Errors.notValidForAnyTokenType();
        }
        return users.findById(claims.userId()).orElseThrow(Errors::userNotFound);
    }
}
