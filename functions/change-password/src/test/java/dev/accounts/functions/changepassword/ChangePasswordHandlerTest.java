package dev.accounts.functions.changepassword;

import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertStatus;
import static dev.accounts.core.testing.Responses.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST /account/change-password through its handler, against real DynamoDB tables. */
class ChangePasswordHandlerTest {
    private static final String PATH = "/account/change-password";
    private static final String NEW_PASSWORD = "amber-Quartz-41-meadow";
    private static final String WRONG_OLD = "{\"old_password\": [\"Your old password was entered incorrectly. "
            + "Please enter it again.\"]}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private static final TestStack STACK = TestStack.create();
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final ChangePasswordHandler HANDLER = new ChangePasswordHandler(SERVICES);

    @Test
    void theNewPasswordLogsInTheOldDoesNotAndTheFreshPairKeepsWorking() {
        User user = ACCOUNTS.signUp(uniqueName("changer"));
        TokenPair before = ACCOUNTS.session(user);
        CLOCK.advance(Duration.ofMillis(1)); // the old pair is one millisecond older than the change, no more

        JsonNode answer = assertStatus(change(before.access(), Accounts.PASSWORD, NEW_PASSWORD), 200);
        assertEquals("New password has been saved.", answer.path("detail").asText());

        // The fresh pair is issued in the very millisecond of the change (the clock stands still here): it works.
        String freshAccess = answer.path("access").asText();
        ACCOUNTS.refresh(answer.path("refresh").asText());
        assertStatus(change(freshAccess, NEW_PASSWORD, Accounts.PASSWORD), 200);
        // Every token from before the change is refused, access and refresh alike.
        assertUnauthorized(change(before.access(), Accounts.PASSWORD, NEW_PASSWORD), BLACKLISTED);
        Responses.assertRefused(() -> ACCOUNTS.refresh(before.refresh()), 401, BLACKLISTED);
        ACCOUNTS.login(user.username(), Accounts.PASSWORD);
    }

    @Test
    void aWrongOldPasswordIs400AndCountsTowardsTheLockout() {
        User user = ACCOUNTS.signUp(uniqueName("guessed"));
        String access = ACCOUNTS.session(user).access();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertAnswer(change(access, "wrong-" + attempt, NEW_PASSWORD), 400, WRONG_OLD);
        }
        APIGatewayV2HTTPResponse locked = change(access, Accounts.PASSWORD, NEW_PASSWORD);
        assertEquals(429, locked.getStatusCode(), locked.getBody());
        assertFalse(Responses.header(locked, "Retry-After").isEmpty());
        // The lock is the login's too: the stolen token cannot be used to guess, nor the login form meanwhile.
        Responses.assertRefused(() -> ACCOUNTS.login(user.username(), Accounts.PASSWORD), 429);
        CLOCK.advance(Duration.ofMinutes(1));
        assertStatus(change(access, Accounts.PASSWORD, NEW_PASSWORD), 200);
    }

    @Test
    void theNewPasswordFollowsTheSignUpRules() {
        User user = ACCOUNTS.signUp(uniqueName("weak"));
        String access = ACCOUNTS.session(user).access();
        assertAnswer(change(access, Accounts.PASSWORD, "12345678"), 400,
                "{\"new_password\": [\"This password is too common.\", \"This password is entirely numeric.\"]}");
        assertAnswer(send(HttpApiEvent.post(PATH, "{}").bearer(access)), 400,
                "{\"old_password\": [\"This field is required.\"], \"new_password\": [\"This field is required.\"]}");
        ACCOUNTS.login(user.username(), Accounts.PASSWORD); // unchanged
    }

    @Test
    void withoutABearerTokenIs401() {
        assertUnauthorized(send(HttpApiEvent.post(PATH, body("old_password", "a", "new_password", "b"))),
                "{\"detail\": \"Authentication credentials were not provided.\"}");
    }

    @Test
    void storageDownIs503AndThePasswordStays() {
        User user = ACCOUNTS.signUp(uniqueName("cutoff"));
        String access = ACCOUNTS.session(user).access();
        ChangePasswordHandler cutOff = new ChangePasswordHandler(Unreachable.dynamoDb(STACK).services(CLOCK));
        Responses.assertServiceUnavailable(cutOff.handleRequest(HttpApiEvent.post(PATH,
                body("old_password", Accounts.PASSWORD, "new_password", NEW_PASSWORD)).bearer(access).build(), null));
        ACCOUNTS.login(user.username(), Accounts.PASSWORD);
    }

    @TestFactory
    Stream<DynamicTest> badInput() {
        String access = ACCOUNTS.session(ACCOUNTS.signUp(uniqueName("badinput"))).access();
        return BadInput.table(PATH, event -> send(event.bearer(access)),
                "{\"old_password\": 1, \"new_password\": \"x\"}", "{\"old_password\": [\"Not a valid string.\"]}");
    }

    private static APIGatewayV2HTTPResponse change(String access, String oldPassword, String newPassword) {
        return send(HttpApiEvent.post(PATH, body("old_password", oldPassword, "new_password", newPassword)).bearer(access));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
