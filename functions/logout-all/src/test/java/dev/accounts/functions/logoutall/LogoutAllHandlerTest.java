package dev.accounts.functions.logoutall;

import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertUnauthorized;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /account/logout-all through its handler, against real DynamoDB tables. */
class LogoutAllHandlerTest {
    private static final String PATH = "/account/logout-all";
    private static final String LOGGED_OUT = "{\"message\": \"Logged out of all sessions\"}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private static final TestStack STACK = TestStack.create();
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final LogoutAllHandler HANDLER = new LogoutAllHandler(SERVICES);

    @Test
    void everyTokenIssuedUpToNowIsRefusedAndLaterLoginsWork() {
        User user = ACCOUNTS.signUp(uniqueName("everywhere"));
        TokenPair phone = ACCOUNTS.session(user);
        TokenPair laptop = ACCOUNTS.session(user);
        TokenPair rotated = ACCOUNTS.refresh(laptop.refresh());

        // Issued in the same millisecond as the sign-out (the clock stands still): refused all the same.
        assertAnswer(logoutAll(phone.access()), 200, LOGGED_OUT);

        for (String access : List.of(phone.access(), laptop.access(), rotated.access())) {
            assertUnauthorized(logoutAll(access), BLACKLISTED);
        }
        for (String refresh : List.of(phone.refresh(), rotated.refresh())) {
            Responses.assertRefused(() -> ACCOUNTS.refresh(refresh), 401, BLACKLISTED);
        }
        CLOCK.advance(Duration.ofMillis(1));
        TokenPair afterwards = ACCOUNTS.login(user.username(), Accounts.PASSWORD);
        ACCOUNTS.refresh(afterwards.refresh());
        assertAnswer(logoutAll(afterwards.access()), 200, LOGGED_OUT);
    }

    @Test
    void anotherUsersSessionsAreUntouched() {
        User one = ACCOUNTS.signUp(uniqueName("one"));
        User other = ACCOUNTS.signUp(uniqueName("other"));
        TokenPair othersSession = ACCOUNTS.session(other);
        assertAnswer(logoutAll(ACCOUNTS.session(one).access()), 200, LOGGED_OUT);
        ACCOUNTS.refresh(othersSession.refresh());
    }

    @Test
    void withoutABearerTokenIs401() {
        assertUnauthorized(send(HttpApiEvent.post(PATH, null)),
                "{\"detail\": \"Authentication credentials were not provided.\"}");
    }

    @Test
    void storageDownIs503AndTheSessionsLive() {
        User user = ACCOUNTS.signUp(uniqueName("cutoff"));
        TokenPair session = ACCOUNTS.session(user);
        LogoutAllHandler cutOff = new LogoutAllHandler(Unreachable.dynamoDb(STACK).services(CLOCK));
        Responses.assertServiceUnavailable(cutOff.handleRequest(
                HttpApiEvent.post(PATH, null).bearer(session.access()).build(), null));
        ACCOUNTS.refresh(session.refresh());
    }

    private static APIGatewayV2HTTPResponse logoutAll(String access) {
        return send(HttpApiEvent.post(PATH, null).bearer(access));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
