package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.TOKEN_BLACKLISTED;
import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing out everywhere (logout-all, a password change) against every endpoint that takes a token, through the
 * functions of the template: each refuses every token issued before it, and the tokens issued after work.
 */
class SignOutEverywhereTest {
    private static final String NEW_PASSWORD = "cobalt-Meadow-73-lantern";
    private Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = Deployment.of(TestStack.create());
    }

    @AfterEach
    void undeploy() {
        deployment.close();
    }

    /** A request carrying one token (an access token as Bearer, or a refresh token in the body). */
    private record Use(String name, Function<JsonNode, HttpApiEvent> request) {}

    /** Every endpoint that takes a token, each with a request that succeeds for a live session. */
    private static List<Use> everyTokenEndpoint(String userId) {
        return List.of(
                new Use("GET /account/me", pair -> HttpApiEvent.get("/account/me").bearer(access(pair))),
                new Use("PATCH /account/me", pair -> HttpApiEvent.patch("/account/me", "{\"first_name\": \"X\"}")
                        .bearer(access(pair))),
                new Use("POST /account/change-password", pair -> HttpApiEvent.post("/account/change-password",
                        Accounts.body("old_password", "wrong", "new_password", NEW_PASSWORD)).bearer(access(pair))),
                new Use("POST /account/logout", pair -> HttpApiEvent.post("/account/logout",
                        Accounts.refreshBody(refresh(pair))).bearer(access(pair))),
                new Use("POST /account/logout-all", pair -> HttpApiEvent.post("/account/logout-all", null)
                        .bearer(access(pair))),
                new Use("DELETE /account/delete-account/{id}", pair -> HttpApiEvent.delete(
                        "/account/delete-account/" + userId).bearer(access(pair))),
                new Use("POST /account/refresh", pair -> HttpApiEvent.post("/account/refresh",
                        Accounts.refreshBody(refresh(pair)))),
                new Use("POST /account/verify (access)", pair -> HttpApiEvent.post("/account/verify",
                        Accounts.body("token", access(pair)))),
                new Use("POST /account/verify (refresh)", pair -> HttpApiEvent.post("/account/verify",
                        Accounts.body("token", refresh(pair)))));
    }

    @Test
    void afterLogoutAllEveryEndpointRefusesEveryEarlierToken() {
        String username = Accounts.uniqueName("everywhere");
        String id = signUp(username);
        JsonNode phone = login(username, Accounts.PASSWORD);
        JsonNode laptop = login(username, Accounts.PASSWORD);

        expect(200, send(HttpApiEvent.post("/account/logout-all", null).bearer(access(phone))));

        for (Use use : everyTokenEndpoint(id)) {
            for (JsonNode session : List.of(phone, laptop)) {
                Responses.assertUnauthorized(send(use.request().apply(session)), TOKEN_BLACKLISTED);
            }
        }
        // A login afterwards is a new session that every endpoint takes.
        JsonNode later = login(username, Accounts.PASSWORD);
        expect(200, send(HttpApiEvent.get("/account/me").bearer(access(later))));
        expect(200, send(HttpApiEvent.post("/account/verify", Accounts.body("token", refresh(later)))));
        expect(200, send(HttpApiEvent.post("/account/refresh", Accounts.refreshBody(refresh(later)))));
    }

    @Test
    void afterAPasswordChangeOnlyTheFreshPairWorks() {
        String username = Accounts.uniqueName("changer");
        String id = signUp(username);
        JsonNode before = login(username, Accounts.PASSWORD);

        JsonNode fresh = expect(200, send(HttpApiEvent.post("/account/change-password",
                Accounts.body("old_password", Accounts.PASSWORD, "new_password", NEW_PASSWORD)).bearer(access(before))));

        for (Use use : everyTokenEndpoint(id)) {
            Responses.assertUnauthorized(send(use.request().apply(before)), TOKEN_BLACKLISTED);
        }
        assertEquals(username, expect(200, send(HttpApiEvent.get("/account/me").bearer(access(fresh))))
                .path("username").asText());
        expect(200, send(HttpApiEvent.post("/account/verify", Accounts.body("token", refresh(fresh)))));
        expect(200, send(HttpApiEvent.post("/account/refresh", Accounts.refreshBody(refresh(fresh)))));
        expect(200, send(HttpApiEvent.post("/account/login", Accounts.body("username", username,
                "password", NEW_PASSWORD))));
    }

    private String signUp(String username) {
        return expect(201, send(HttpApiEvent.post("/account/create-account",
                Accounts.body("username", username, "password", Accounts.PASSWORD)))).path("id").asText();
    }

    private JsonNode login(String username, String password) {
        return expect(200, send(HttpApiEvent.post("/account/login",
                Accounts.body("username", username, "password", password))));
    }

    private static String access(JsonNode pair) {
        return pair.path("access").asText();
    }

    private static String refresh(JsonNode pair) {
        return pair.path("refresh").asText();
    }

    private APIGatewayV2HTTPResponse send(HttpApiEvent request) {
        return deployment.send(request.build());
    }
}
