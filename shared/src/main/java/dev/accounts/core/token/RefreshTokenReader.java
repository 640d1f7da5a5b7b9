package dev.accounts.core.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;

/** Reads and verifies the `refresh` field of a body, with simplejwt's answers for each way it can be wrong. */
public final class RefreshTokenReader {
    private final TokenService tokens;

    public RefreshTokenReader(TokenService tokens) {
        this.tokens = tokens;
    }

    public TokenClaims read(ObjectNode body, String issuer) {
        Fields fields = new Fields(body);
        String refresh = fields.required("refresh");
        fields.throwIfAny();
        try {
            return tokens.verify(refresh, TokenType.REFRESH, issuer);
        } catch (TokenRejected rejected) {
            throw rejected.reason() == TokenRejected.Reason.WRONG_TYPE
                    ? Errors.tokenWrongType()
                    : Errors.tokenInvalidOrExpired();
        }
    }
}
