package dev.accounts.functions.passwordreset;

import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.EqualTime;
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

/** POST /account/password-reset through its handler, against real DynamoDB tables and the local engine's SES. */
class PasswordResetHandlerTest {
    private static final String PATH = "/account/password-reset";
    private static final String SENT_ANSWER = "{\"detail\": \"Password reset e-mail has been sent.\"}";
    private static final TestStack STACK = TestStack.create().withMail("none");
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final PasswordResetHandler HANDLER = new PasswordResetHandler(SERVICES);
    private static final SentEmails SENT = STACK.sentEmails();

    @Test
    void anAccountWithTheAddressGetsALinkToTheAppWithItsUidAndAToken() {
        String email = address();
        User user = signUp(email);

        assertAnswer(reset(email.toUpperCase()), 200, SENT_ANSWER); // addresses compare case-insensitively

        SentEmails.Sent sent = SENT.onlyTo(email);
        assertEquals("Reset your password", sent.subject());
        assertEquals(STACK.env().get("MAIL_FROM"), sent.from());
        assertTrue(sent.link().toString().startsWith("https://app.example.com/reset-password?uid="), sent.body());
        assertEquals(user.id(), sent.linkParameter("uid"));
        String token = sent.linkParameter("token");
        assertTrue(token.length() >= 43, "at least 256 bits, base64url: " + token);
        assertTrue(sent.body().contains(token) && sent.body().contains("1 hour"), "the values written out: " + sent.body());
    }

    @Test
    void everyAccountWithTheAddressGetsItsOwn() {
        String email = address();
        User first = signUp(email);
        User second = signUp(email);
        assertAnswer(reset(email), 200, SENT_ANSWER);
        List<String> uids = SENT.to(email).stream().map(sent -> sent.linkParameter("uid")).sorted().toList();
        assertEquals(Stream.of(first.id(), second.id()).sorted().toList(), uids);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerInTheSameTimeAndNoEmail() {
        String known = address();
        signUp(known);
        String unknown = address();

        long knownNanos = timed(() -> assertAnswer(reset(known), 200, SENT_ANSWER));
        long unknownNanos = timed(() -> assertAnswer(reset(unknown), 200, SENT_ANSWER));

        assertEquals(List.of(), SENT.to(unknown));
        long floor = EqualTime.STANDARD.toNanos();
        assertTrue(knownNanos >= floor && unknownNanos >= floor,
                "both wait out the floor: known " + knownNanos / 1_000_000 + " ms, unknown " + unknownNanos / 1_000_000 + " ms");
        System.out.printf("password-reset: known address %d ms, unknown %d ms%n", knownNanos / 1_000_000,
                unknownNanos / 1_000_000);
    }

    @Test
    void oneEmailAMinuteAndTenADayPerAccount() {
        String email = address();
        signUp(email);
        assertAnswer(reset(email), 200, SENT_ANSWER);
        assertAnswer(reset(email), 200, SENT_ANSWER); // within the minute: the same answer, no e-mail
        assertEquals(1, SENT.to(email).size());
        for (int sent = 2; sent <= 12; sent++) {
            CLOCK.advance(Duration.ofMinutes(1));
            assertAnswer(reset(email), 200, SENT_ANSWER);
        }
        assertEquals(10, SENT.to(email).size(), "ten a day");
        CLOCK.advance(Duration.ofDays(1));
        assertAnswer(reset(email), 200, SENT_ANSWER);
        assertEquals(11, SENT.to(email).size(), "a new day, a new quota");
    }

    @Test
    void withoutASenderBothResetEndpointsAnswer501() {
        EnvironmentWiring unconfigured = STACK.with("MAIL_FROM", "").services(CLOCK);
        assertAnswer(new PasswordResetHandler(unconfigured).handleRequest(
                HttpApiEvent.post(PATH, body("email", address())).build(), null), 501,
                "{\"detail\": \"Password reset by e-mail is not configured.\"}");
    }

    @Test
    void theAddressIsRequiredAndMustBeOne() {
        assertAnswer(send(HttpApiEvent.post(PATH, "{}")), 400, "{\"email\": [\"This field is required.\"]}");
        assertAnswer(reset("not-an-address"), 400, "{\"email\": [\"Enter a valid email address.\"]}");
    }

    @Test
    void whenSesFailsTheAnswerIsStillTheSameAndTheNextRequestSends() {
        String email = address();
        signUp(email);
        EnvironmentWiring sesDown = STACK.with("SES_ENDPOINT", "http://127.0.0.1:9").services(CLOCK);
        assertAnswer(new PasswordResetHandler(sesDown).handleRequest(
                HttpApiEvent.post(PATH, body("email", email)).build(), null), 200, SENT_ANSWER);
        assertFalse(SENT.to(email).iterator().hasNext());
        assertAnswer(reset(email), 200, SENT_ANSWER); // the failed e-mail gave its quota back
        SENT.onlyTo(email);
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        return BadInput.table(PATH, PasswordResetHandlerTest::send, "{\"email\": 5}",
                "{\"email\": [\"Not a valid string.\"]}");
    }

    private static User signUp(String email) {
        return SERVICES.createAccount().create(Json.MAPPER.createObjectNode().put("username", uniqueName("reset"))
                .put("password", Accounts.PASSWORD).put("email", email));
    }

    static String address() {
        return "reset-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static long timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return System.nanoTime() - started;
    }

    private static APIGatewayV2HTTPResponse reset(String email) {
        return send(HttpApiEvent.post(PATH, body("email", email)));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
