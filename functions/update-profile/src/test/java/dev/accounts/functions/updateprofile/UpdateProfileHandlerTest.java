package dev.accounts.functions.updateprofile;

import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertStatus;
import static dev.accounts.core.testing.Responses.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.SentEmails;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** PATCH /account/me through its handler, against real DynamoDB tables and the local engine's SES. */
class UpdateProfileHandlerTest {
    private static final String PATH = "/account/me";
    private static final TestStack STACK = TestStack.create().withMail("optional");
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final UpdateProfileHandler HANDLER = new UpdateProfileHandler(SERVICES);
    private static final SentEmails SENT = STACK.sentEmails();

    @Test
    void namesChangeAndTheRestStaysAsItWas() {
        User user = signUp(address());
        JsonNode answer = assertStatus(patch(user, body("first_name", "Grace", "unknown_field", "ignored")), 200);

        assertEquals("Grace", answer.path("first_name").asText());
        assertEquals(user.email(), answer.path("email").asText());
        assertEquals(user.username(), answer.path("username").asText());
        assertEquals(answer, Json.MAPPER.valueToTree(SERVICES.users().findById(user.id()).orElseThrow().toProfileJson()));
    }

    @Test
    void aNewAddressIsUnverifiedAndGetsAVerificationEmail() {
        User user = signUp(address());
        SERVICES.verifyEmail().verify(Json.MAPPER.createObjectNode().put("key",
                SENT.onlyTo(user.email()).linkParameter("key")));
        assertTrue(SERVICES.users().findById(user.id()).orElseThrow().emailVerified());

        CLOCK.advance(Duration.ofMinutes(1)); // past the sign-up e-mail's quota minute
        String next = address();
        JsonNode answer = assertStatus(patch(user, body("email", next)), 200);

        assertFalse(answer.path("email_verified").asBoolean(true), "a changed address is unverified: " + answer);
        SentEmails.Sent sent = SENT.onlyTo(next);
        assertEquals("Confirm your e-mail address", sent.subject());
        SERVICES.verifyEmail().verify(Json.MAPPER.createObjectNode().put("key", sent.linkParameter("key")));
        assertTrue(SERVICES.users().findById(user.id()).orElseThrow().emailVerified());
    }

    @Test
    void theUsernameAndThePasswordCannotBeChangedHere() {
        User user = stored(signUp(address()));
        assertAnswer(patch(user, body("username", "someone_else", "password", "x", "first_name", "Eve")), 400,
                "{\"username\": [\"This field cannot be changed here.\"], "
                        + "\"password\": [\"This field cannot be changed here.\"]}");
        assertEquals(user, stored(user));
    }

    @Test
    void theSignUpRulesHold() {
        User user = stored(signUp(address()));
        assertAnswer(patch(user, body("email", "not-an-address", "last_name", "x".repeat(151))), 400,
                "{\"email\": [\"Enter a valid email address.\"], "
                        + "\"last_name\": [\"Ensure this field has no more than 150 characters.\"]}");
        assertEquals(user, stored(user));
    }

    @Test
    void anEmptyAddressRemovesItAndItsIndexEntry() {
        User user = signUp(address());
        assertEquals("", assertStatus(patch(user, body("email", "")), 200).path("email").asText());
        assertEquals(java.util.List.of(), SERVICES.users().findByEmail(user.email().toLowerCase()));
    }

    @Test
    void whenSesFailsTheAnswerIs503AndNothingChanged() {
        User user = signUp(address());
        CLOCK.advance(Duration.ofMinutes(1)); // past the sign-up e-mail's quota minute
        EnvironmentWiring sesDown = STACK.with("SES_ENDPOINT", "http://127.0.0.1:9").services(CLOCK);
        String next = address();
        APIGatewayV2HTTPResponse response = new UpdateProfileHandler(sesDown).handleRequest(HttpApiEvent.patch(PATH,
                body("email", next)).bearer(ACCOUNTS.session(user).access()).build(), null);

        Responses.assertServiceUnavailable(response);
        assertEquals(user.email(), SERVICES.users().findById(user.id()).orElseThrow().email());
        assertEquals(java.util.List.of(), SENT.to(next));
        // Safe to retry once SES is back: the quota given back, the change made, the e-mail sent.
        assertEquals(next, assertStatus(patch(user, body("email", next)), 200).path("email").asText());
        SENT.onlyTo(next);
    }

    @Test
    void withoutABearerTokenIs401() {
        assertUnauthorized(HANDLER.handleRequest(HttpApiEvent.patch(PATH, "{}").build(), null),
                "{\"detail\": \"Authentication credentials were not provided.\"}");
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        User user = signUp(address());
        return BadInput.table(PATH, event -> HANDLER.handleRequest(event.bearer(ACCOUNTS.session(user).access())
                .build(), null), "{\"first_name\": 7}", "{\"first_name\": [\"Not a valid string.\"]}");
    }

    private static User signUp(String email) {
        return SERVICES.createAccount().create(Json.MAPPER.createObjectNode().put("username", uniqueName("profile"))
                .put("password", Accounts.PASSWORD).put("email", email));
    }

    /** The account as stored now. */
    private static User stored(User user) {
        return SERVICES.users().findById(user.id()).orElseThrow();
    }

    private static String address() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static APIGatewayV2HTTPResponse patch(User user, String json) {
        return HANDLER.handleRequest(HttpApiEvent.patch(PATH, json).bearer(ACCOUNTS.session(user).access()).build(),
                null);
    }
}
