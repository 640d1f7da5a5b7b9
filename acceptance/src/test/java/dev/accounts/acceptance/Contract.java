package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.testing.BearerRefusals;
import dev.accounts.core.testing.Responses;

/** The answers of /work/shared/API.md that these tests expect, word for word, and a client's first look at one. */
final class Contract {
    static final String LOGOUT_SUCCESSFUL = "{\"message\": \"Logout successful\"}";
    static final String TOKEN_INVALID_OR_EXPIRED = "{\"detail\": \"Token is invalid or expired\", \"code\": \"token_not_valid\"}";
    static final String TOKEN_BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";
    static final String NOT_VALID_FOR_ANY_TOKEN_TYPE = BearerRefusals.INVALID_OR_EXPIRED;
    static final String USER_NOT_FOUND = "{\"detail\": \"User not found\", \"code\": \"user_not_found\"}";
    static final String NO_ACTIVE_ACCOUNT = "{\"detail\": \"No active account found with the given credentials\"}";

    private Contract() {
    }

    /** The status, then the body as JSON (declared as JSON, leaking nothing). */
    static JsonNode expect(int status, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), () -> "status; body " + response.getBody());
        return Responses.json(response);
    }
}
