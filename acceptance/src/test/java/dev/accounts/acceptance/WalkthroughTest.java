package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference walkthrough, end to end through the functions of the template, read as a client reads it:
 * create → login → refresh → logout → refresh refused → login → delete → that account's refresh refused.
 */
class WalkthroughTest {
    private Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = Deployment.of(TestStack.create());
    }

    @AfterEach
    void undeploy() {
        deployment.close();
    }

    @Test
    void theReferenceWalkthrough() {
        String username = Accounts.uniqueName("walker");
        String password = Accounts.PASSWORD;
        String credentials = Accounts.body("username", username, "password", password);

        // 1. sign up: the user comes back, optional fields as "", never null, and never the password
        APIGatewayV2HTTPResponse created = send(HttpApiEvent.post("/account/create-account",
                Accounts.body("username", username, "password", password, "email", username + "@example.com")));
        JsonNode user = expect(201, created);
        Responses.assertDoesNotContain(created, password);
        String id = user.path("id").asText();
        assertFalse(id.isBlank(), "id");
        assertEquals(Responses.parse("{\"id\": \"" + id + "\", \"username\": \"" + username + "\", \"email\": \""
                + username + "@example.com\", \"first_name\": \"\", \"last_name\": \"\"}"), user);

        // 2. log in
        JsonNode login = expect(200, send(HttpApiEvent.post("/account/login", credentials)));
        assertEquals("Login successful", login.path("message").asText());

        // 3. refresh: a new pair, the refresh token rotated
        JsonNode refreshed = expect(200, send(HttpApiEvent.post("/account/refresh",
                Accounts.refreshBody(login.path("refresh").asText()))));
        assertNotEquals(login.path("refresh").asText(), refreshed.path("refresh").asText());
        assertNotEquals(login.path("access").asText(), refreshed.path("access").asText());

        // 4. log out with the new access token, ending the login
        Responses.assertAnswer(send(HttpApiEvent.post("/account/logout", Accounts.refreshBody(refreshed.path("refresh").asText()))
                .bearer(refreshed.path("access").asText())), 200, Contract.LOGOUT_SUCCESSFUL);

        // 5. neither the logged-out refresh token nor the one it was rotated from refreshes any more
        Responses.assertAnswer(refresh(refreshed.path("refresh").asText()), 401, Contract.TOKEN_BLACKLISTED);
        Responses.assertAnswer(refresh(login.path("refresh").asText()), 401, Contract.TOKEN_BLACKLISTED);

        // 6. log in again
        JsonNode again = expect(200, send(HttpApiEvent.post("/account/login", credentials)));

        // 7. delete one's own account
        Responses.assertNoContent(send(HttpApiEvent.delete("/account/delete-account/" + id).bearer(again.path("access").asText())));

        // 8. that account's refresh token is refused, its access token too, and its credentials log nobody in
        Responses.assertAnswer(refresh(again.path("refresh").asText()), 401, Contract.TOKEN_BLACKLISTED);
        Responses.assertUnauthorized(send(HttpApiEvent.delete("/account/delete-account/" + id)
                .bearer(again.path("access").asText())), Contract.USER_NOT_FOUND);
        Responses.assertAnswer(send(HttpApiEvent.post("/account/login", credentials)), 401, Contract.NO_ACTIVE_ACCOUNT);
    }

    private APIGatewayV2HTTPResponse refresh(String refreshToken) {
        return send(HttpApiEvent.post("/account/refresh", Accounts.refreshBody(refreshToken)));
    }

    private APIGatewayV2HTTPResponse send(HttpApiEvent request) {
        return deployment.send(request.build());
    }
}
