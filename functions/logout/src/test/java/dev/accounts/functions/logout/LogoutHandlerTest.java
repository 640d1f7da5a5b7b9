package dev.accounts.functions.logout;

import static dev.accounts.core.testing.Accounts.refreshBody;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertUnauthorized;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.testing.BearerRefusals;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenPair;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST /account/logout through its handler, against real DynamoDB tables, with a clock the tests move. */
class LogoutHandlerTest {
    private static final String PATH = "/account/logout";
    private static final String LOGGED_OUT = "{\"message\": \"Logout successful\"}";
    private static final String NOT_PROVIDED = "{\"detail\": \"Authentication credentials were not provided.\"}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";
    private static final String FORBIDDEN = "{\"detail\": \"You do not have permission to perform this action.\"}";

    private static final TestStack STACK = TestStack.create();
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final LogoutHandler HANDLER = new LogoutHandler(SERVICES);
    private static final User OWNER = ACCOUNTS.signUp(uniqueName("owner"));
    private static final User OTHER = ACCOUNTS.signUp(uniqueName("other"));

    @Test
    void logoutRevokesThatLoginsRefreshTokenAndNoOther() {
        TokenPair login = ACCOUNTS.session(OWNER);
        TokenPair otherLogin = ACCOUNTS.session(OWNER);

        assertAnswer(logout(login.access(), login.refresh()), 200, LOGGED_OUT);

        Responses.assertRefused(() -> ACCOUNTS.refresh(login.refresh()), 401, BLACKLISTED);
        ACCOUNTS.refresh(otherLogin.refresh());
    }

    @Test
    void logoutEndsEveryTokenRotatedFromTheSameLogin() {
        TokenPair login = ACCOUNTS.session(OWNER);
        TokenPair rotated = ACCOUNTS.refresh(login.refresh());

        assertAnswer(logout(rotated.access(), rotated.refresh()), 200, LOGGED_OUT);

        Responses.assertRefused(() -> ACCOUNTS.refresh(rotated.refresh()), 401, BLACKLISTED);
    }

    @Test
    void loggingOutTwiceIsRefusedAsBlacklisted() {
        TokenPair login = ACCOUNTS.session(OWNER);
        assertAnswer(logout(login.access(), login.refresh()), 200, LOGGED_OUT);

        assertUnauthorized(logout(login.access(), login.refresh()), BLACKLISTED);
    }

    @Test
    void aSpentRefreshTokenIsRefusedAndItsNewerTokensAreRevoked() {
        TokenPair login = ACCOUNTS.session(OWNER);
        TokenPair rotated = ACCOUNTS.refresh(login.refresh());

        assertUnauthorized(logout(rotated.access(), login.refresh()), BLACKLISTED);

        Responses.assertRefused(() -> ACCOUNTS.refresh(rotated.refresh()), 401, BLACKLISTED);
    }

    @Test
    void withoutAnAuthorizationHeaderCredentialsWereNotProvided() {
        TokenPair login = ACCOUNTS.session(OWNER);

        assertUnauthorized(send(HttpApiEvent.post(PATH, refreshBody(login.refresh()))), NOT_PROVIDED);
        assertUnauthorized(send(HttpApiEvent.post(PATH, refreshBody(login.refresh())).header("authorization", "Basic b3duZXI6cHc=")),
                NOT_PROVIDED);
        ACCOUNTS.refresh(login.refresh());
    }

    @Test
    void aBearerThatIsNotAValidAccessTokenIsRefused() {
        TokenPair login = ACCOUNTS.session(OWNER);
        String kid = STACK.keys().currentKid();
        var foreignTokens = EnvironmentWiring.withKeys(STACK.env(), CLOCK, () -> Jwt.keyImpersonating(kid)).tokens();
        List<String> bearers = List.of(
                "garbage",
                Jwt.withAlgNone(login.access()),
                Jwt.resignedHs256(login.access(), STACK.keys().publicKey(kid).orElseThrow().getEncoded()),
                foreignTokens.issue(OWNER.id(), foreignTokens.newFamily(), ACCOUNTS.issuer()).access());

        for (String bearer : bearers) {
            assertUnauthorized(logout(bearer, login.refresh()), BearerRefusals.INVALID_OR_EXPIRED);
        }
        assertUnauthorized(logout(login.refresh(), login.refresh()), BearerRefusals.WRONG_TYPE);
        ACCOUNTS.refresh(login.refresh());
    }

    @Test
    void anExpiredAccessTokenIsRefused() {
        TokenPair login = ACCOUNTS.session(OWNER);
        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertUnauthorized(logout(login.access(), login.refresh()), BearerRefusals.INVALID_OR_EXPIRED);
    }

    @Test
    void anotherUsersRefreshTokenIsForbiddenAndStaysValid() {
        TokenPair mine = ACCOUNTS.session(OWNER);
        TokenPair theirs = ACCOUNTS.session(OTHER);

        assertAnswer(logout(mine.access(), theirs.refresh()), 403, FORBIDDEN);

        ACCOUNTS.refresh(theirs.refresh());
    }

    @Test
    void anAccessTokenInTheBodyHasTheWrongType() {
        TokenPair login = ACCOUNTS.session(OWNER);

        assertUnauthorized(logout(login.access(), login.access()),
                "{\"detail\": \"Token has wrong type\", \"code\": \"token_not_valid\"}");
    }

    @Test
    void aMissingRefreshFieldIsA400() {
        TokenPair login = ACCOUNTS.session(OWNER);
        String required = "{\"refresh\": [\"This field is required.\"]}";

        assertAnswer(send(HttpApiEvent.post(PATH, "{}").bearer(login.access())), 400, required);
        assertAnswer(send(HttpApiEvent.post(PATH, null).bearer(login.access())), 400, required);
    }

    @Test
    void theAccessTokenOfADeletedAccountIsRefusedAsUserNotFound() {
        User gone = ACCOUNTS.signUp(uniqueName("gone"));
        TokenPair login = ACCOUNTS.session(gone);
        ACCOUNTS.delete(gone);

        assertUnauthorized(logout(login.access(), login.refresh()),
                "{\"detail\": \"User not found\", \"code\": \"user_not_found\"}");
    }

    @TestFactory
    Stream<DynamicTest> badInputIsAnsweredAsTheContractSays() {
        return BadInput.table(PATH, event -> send(event.bearer(ACCOUNTS.session(OWNER).access())),
                "{\"refresh\": [\"a\"]}", "{\"refresh\": [\"Not a valid string.\"]}");
    }

    @Test
    void unreachableStorageIsA503AndTheTokenIsNotRevoked() {
        TokenPair login = ACCOUNTS.session(OWNER);
        LogoutHandler cutOff = new LogoutHandler(Unreachable.dynamoDb(STACK).services(CLOCK));

        Responses.assertServiceUnavailable(cutOff.handleRequest(
                HttpApiEvent.post(PATH, refreshBody(login.refresh())).bearer(login.access()).build(), null));

        assertAnswer(logout(login.access(), login.refresh()), 200, LOGGED_OUT);
    }

    private static APIGatewayV2HTTPResponse logout(String accessToken, String refreshToken) {
        return send(HttpApiEvent.post(PATH, refreshBody(refreshToken)).bearer(accessToken));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }
}
