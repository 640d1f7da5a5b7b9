package dev.accounts.functions.verifyemail;

import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.SentEmails;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST /account/verify-email through its handler, with keys e-mailed at sign-up (EmailVerification optional). */
class VerifyEmailHandlerTest {
    private static final String PATH = "/account/verify-email";
    private static final String OK = "{\"detail\": \"ok\"}";
    private static final String NOT_FOUND = "{\"detail\": \"Not found.\"}";

    private static final TestStack STACK = TestStack.create().withMail("optional");
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final VerifyEmailHandler HANDLER = new VerifyEmailHandler(SERVICES);
    private static final SentEmails SENT = STACK.sentEmails();

    @Test
    void theKeyFromTheSignUpEmailVerifiesTheAddressOnce() {
        User user = signUp();
        SentEmails.Sent mail = SENT.onlyTo(user.email());
        assertEquals("Confirm your e-mail address", mail.subject());
        assertTrue(mail.link().toString().startsWith("https://app.example.com/verify-email?key="), mail.body());
        assertFalse(verified(user));

        assertAnswer(verify(mail.linkParameter("key")), 200, OK);

        assertTrue(verified(user));
        assertAnswer(verify(mail.linkParameter("key")), 404, NOT_FOUND);
    }

    @Test
    void aWrongOrExpiredKeyIs404() {
        User user = signUp();
        String key = SENT.onlyTo(user.email()).linkParameter("key");
        assertAnswer(verify("not-" + key), 404, NOT_FOUND);
        assertAnswer(verify("k".repeat(3000)), 404, NOT_FOUND);
        CLOCK.advance(Duration.ofDays(3));
        assertAnswer(verify(key), 404, NOT_FOUND);
        assertFalse(verified(user));
    }

    @Test
    void aKeyForAnAddressTheAccountNoLongerHasIs404() {
        User user = signUp();
        String key = SENT.onlyTo(user.email()).linkParameter("key");
        CLOCK.advance(Duration.ofMinutes(1));
        SERVICES.updateProfile().update(user, Json.MAPPER.createObjectNode().put("email", address()));
        assertAnswer(verify(key), 404, NOT_FOUND);
        assertFalse(verified(user));
    }

    @Test
    void theKeyIsRequired() {
        assertAnswer(send(HttpApiEvent.post(PATH, "{}")), 400, "{\"key\": [\"This field is required.\"]}");
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        return BadInput.table(PATH, VerifyEmailHandlerTest::send, "{\"key\": 1}", "{\"key\": [\"Not a valid string.\"]}");
    }

    private static boolean verified(User user) {
        return SERVICES.users().findById(user.id()).orElseThrow().emailVerified();
    }

    private static User signUp() {
        return SERVICES.createAccount().create(Json.MAPPER.createObjectNode().put("username", uniqueName("verify"))
                .put("password", Accounts.PASSWORD).put("email", address()));
    }

    private static String address() {
        return "verify-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static APIGatewayV2HTTPResponse verify(String key) {
        return send(HttpApiEvent.post(PATH, body("key", key)));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
