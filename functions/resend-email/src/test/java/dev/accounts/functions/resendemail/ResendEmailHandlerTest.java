package dev.accounts.functions.resendemail;

import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** POST /account/resend-email through its handler (EmailVerification optional), e-mails read back from SES. */
class ResendEmailHandlerTest {
    private static final String PATH = "/account/resend-email";
    private static final String OK = "{\"detail\": \"ok\"}";

    private static final TestStack STACK = TestStack.create().withMail("optional");
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final ResendEmailHandler HANDLER = new ResendEmailHandler(SERVICES);
    private static final SentEmails SENT = STACK.sentEmails();

    @Test
    void anUnverifiedAccountGetsANewKeyAndEveryKeyStillWorksOnce() {
        User user = signUp();
        assertAnswer(resend(user.email()), 200, OK); // right after the sign-up e-mail: it goes
        List<SentEmails.Sent> sent = SENT.to(user.email());
        assertEquals(2, sent.size(), "the sign-up e-mail and the new one");
        SERVICES.verifyEmail().verify(Json.MAPPER.createObjectNode().put("key", sent.get(1).linkParameter("key")));
        assertTrue(SERVICES.users().findById(user.id()).orElseThrow().emailVerified());
    }

    @Test
    void aVerifiedAccountAnUnknownAddressAndAnOverQuotaOneGetTheSameAnswerAndNoEmail() {
        User verified = signUp();
        SERVICES.verifyEmail().verify(Json.MAPPER.createObjectNode().put("key",
                SENT.onlyTo(verified.email()).linkParameter("key")));
        User fresh = signUp();
        CLOCK.advance(Duration.ofSeconds(30));
        assertAnswer(resend(fresh.email()), 200, OK); // the first resend goes at once after the sign-up e-mail
        String unknown = address();

        for (String email : List.of(verified.email(), unknown, fresh.email())) {
            long started = System.nanoTime();
            assertAnswer(resend(email), 200, OK);
            assertTrue(System.nanoTime() - started >= EqualTime.STANDARD.toNanos(), "the same time for " + email);
        }
        assertEquals(1, SENT.to(verified.email()).size());
        assertEquals(List.of(), SENT.to(unknown));
        assertEquals(2, SENT.to(fresh.email()).size(), "the sign-up e-mail, then one resend a minute");
    }

    @Test
    void withVerificationOffNothingIsSent() {
        TestStack off = STACK.with("EMAIL_VERIFICATION", "none");
        EnvironmentWiring wiring = off.services(CLOCK);
        User user = wiring.createAccount().create(Json.MAPPER.createObjectNode().put("username", uniqueName("off"))
                .put("password", Accounts.PASSWORD).put("email", address()));
        assertAnswer(new ResendEmailHandler(wiring).handleRequest(HttpApiEvent.post(PATH, body("email", user.email()))
                .build(), null), 200, OK);
        assertEquals(List.of(), SENT.to(user.email()));
    }

    @Test
    void theAddressIsRequiredAndMustBeOne() {
        assertAnswer(send(HttpApiEvent.post(PATH, "{}")), 400, "{\"email\": [\"This field is required.\"]}");
        assertAnswer(resend("nope"), 400, "{\"email\": [\"Enter a valid email address.\"]}");
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        return BadInput.table(PATH, ResendEmailHandlerTest::send, "{\"email\": false}",
                "{\"email\": [\"Not a valid string.\"]}");
    }

    private static User signUp() {
        return SERVICES.createAccount().create(Json.MAPPER.createObjectNode().put("username", uniqueName("resend"))
                .put("password", Accounts.PASSWORD).put("email", address()));
    }

    private static String address() {
        return "resend-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static APIGatewayV2HTTPResponse resend(String email) {
        return send(HttpApiEvent.post(PATH, body("email", email)));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
