package dev.accounts.functions.passwordresetconfirm;

import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.SentEmails;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST /account/password-reset/confirm through its handler, with tokens e-mailed by the real reset request. */
class PasswordResetConfirmHandlerTest {
    private static final String PATH = "/account/password-reset/confirm";
    private static final String DONE = "{\"detail\": \"Password has been reset with the new password.\"}";
    private static final String INVALID = "{\"token\": [\"Invalid value\"]}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";
    private static final String NEW_PASSWORD = "copper-Lantern-58-orchard";

    private static final TestStack STACK = TestStack.create().withMail("none");
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final PasswordResetConfirmHandler HANDLER = new PasswordResetConfirmHandler(SERVICES);
    private static final SentEmails SENT = STACK.sentEmails();

    @Test
    void theTokenSetsTheNewPasswordEndsEverySessionAndIsSpent() {
        User user = signUp();
        TokenPair session = ACCOUNTS.session(user);
        CLOCK.advance(Duration.ofMillis(1));
        SentEmails.Sent mail = requestReset(user);

        assertAnswer(confirm(mail.linkParameter("uid"), mail.linkParameter("token"), NEW_PASSWORD), 200, DONE);

        ACCOUNTS.login(user.username(), NEW_PASSWORD);
        Responses.assertRefused(() -> ACCOUNTS.login(user.username(), Accounts.PASSWORD), 401);
        Responses.assertRefused(() -> ACCOUNTS.refresh(session.refresh()), 401, BLACKLISTED);
        assertAnswer(confirm(mail.linkParameter("uid"), mail.linkParameter("token"), "another-" + NEW_PASSWORD), 400,
                INVALID);
    }

    @Test
    void aWrongTokenAnUnknownUidAndAForeignTokenAreRefused() {
        User user = signUp();
        User other = signUp();
        SentEmails.Sent mail = requestReset(user);
        String token = mail.linkParameter("token");
        assertAnswer(confirm(user.id(), token.substring(1) + "A", NEW_PASSWORD), 400, INVALID);
        assertAnswer(confirm(UUID.randomUUID().toString(), token, NEW_PASSWORD), 400, INVALID);
        assertAnswer(confirm(other.id(), token, NEW_PASSWORD), 400, INVALID);
        assertAnswer(confirm(user.id(), "x".repeat(5000), NEW_PASSWORD), 400, INVALID);
        assertAnswer(confirm(user.id(), token, NEW_PASSWORD), 200, DONE); // still unspent
    }

    @Test
    void aNewerTokenReplacesTheOlder() {
        User user = signUp();
        SentEmails.Sent first = requestReset(user);
        CLOCK.advance(Duration.ofMinutes(1));
        SentEmails.Sent second = requestReset(user);
        assertAnswer(confirm(user.id(), first.linkParameter("token"), NEW_PASSWORD), 400, INVALID);
        assertAnswer(confirm(user.id(), second.linkParameter("token"), NEW_PASSWORD), 200, DONE);
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        User user = signUp();
        SentEmails.Sent mail = requestReset(user);
        CLOCK.advance(Duration.ofHours(1));
        assertAnswer(confirm(user.id(), mail.linkParameter("token"), NEW_PASSWORD), 400, INVALID);
        ACCOUNTS.login(user.username(), Accounts.PASSWORD);
    }

    @Test
    void theNewPasswordFollowsTheSignUpRulesAndTheTokenSurvivesARefusal() {
        User user = signUp();
        SentEmails.Sent mail = requestReset(user);
        assertAnswer(confirm(user.id(), mail.linkParameter("token"), user.username()), 400,
                "{\"new_password\": [\"The password is too similar to the username.\"]}");
        assertAnswer(confirm(user.id(), mail.linkParameter("token"), NEW_PASSWORD), 200, DONE);
    }

    @Test
    void aResetClearsTheLoginLockout() {
        User user = signUp();
        for (int attempt = 0; attempt < 5; attempt++) {
            Responses.assertRefused(() -> ACCOUNTS.login(user.username(), "wrong"), 401);
        }
        Responses.assertRefused(() -> ACCOUNTS.login(user.username(), Accounts.PASSWORD), 429);
        SentEmails.Sent mail = requestReset(user);
        assertAnswer(confirm(user.id(), mail.linkParameter("token"), NEW_PASSWORD), 200, DONE);
        ACCOUNTS.login(user.username(), NEW_PASSWORD);
    }

    @Test
    void withoutASenderIs501() {
        EnvironmentWiring unconfigured = STACK.with("MAIL_FROM", "").services(CLOCK);
        assertAnswer(new PasswordResetConfirmHandler(unconfigured).handleRequest(HttpApiEvent.post(PATH,
                body("uid", "u", "token", "t", "new_password", NEW_PASSWORD)).build(), null), 501,
                "{\"detail\": \"Password reset by e-mail is not configured.\"}");
    }

    @Test
    void everyFieldIsRequired() {
        assertAnswer(send(HttpApiEvent.post(PATH, "{}")), 400, "{\"uid\": [\"This field is required.\"], "
                + "\"token\": [\"This field is required.\"], \"new_password\": [\"This field is required.\"]}");
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        return BadInput.table(PATH, PasswordResetConfirmHandlerTest::send,
                "{\"uid\": [], \"token\": \"t\", \"new_password\": \"p\"}", "{\"uid\": [\"Not a valid string.\"]}");
    }

    private static User signUp() {
        return SERVICES.createAccount().create(Json.MAPPER.createObjectNode().put("username", uniqueName("confirm"))
                .put("password", Accounts.PASSWORD)
                .put("email", "confirm-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com"));
    }

    /** As a user does: ask for a reset, then take the newest e-mail. */
    private static SentEmails.Sent requestReset(User user) {
        SERVICES.passwordReset().request(Json.MAPPER.createObjectNode().put("email", user.email()));
        List<SentEmails.Sent> sent = SENT.to(user.email());
        return sent.get(sent.size() - 1);
    }

    private static APIGatewayV2HTTPResponse confirm(String uid, String token, String newPassword) {
        return send(HttpApiEvent.post(PATH, body("uid", uid, "token", token, "new_password", newPassword)));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
