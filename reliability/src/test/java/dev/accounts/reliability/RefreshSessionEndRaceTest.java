package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.functions.getprofile.GetProfileHandler;
import dev.accounts.functions.logoutall.LogoutAllHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refresh reads its user, then spends its token in a second call: a sign-out everywhere or a deletion can
 * commit in between, and that refresh then answers 200 with a new pair. Every token it issued must be refused at
 * its first use (the pair carries the session's start, which the sign-out ended, and a user who is gone). First
 * with the other request placed exactly between the two calls, then racing freely.
 */
class RefreshSessionEndRaceTest {
    private static final int SESSIONS = 4;
    /** The refreshes start this far apart. */
    private static final long STEP_MILLIS = 50;
    /** When the sign-out or deletion starts in each round: among the refreshes, then after all of them. */
    private static final long[] END_DELAYS_MILLIS = {0, 50, 100, 400};
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private static TestStack stack;
    private static EnvironmentWiring direct;
    private static Handlers directHandlers;
    private static DynamoRelay relay;
    private static Handlers throughRelay;
    private static Fleet fleet;
    private static Accounts accounts;

    @BeforeAll
    static void stack() {
        stack = TestStack.create();
        direct = stack.services(Clock.systemUTC());
        directHandlers = new Handlers(direct);
        relay = DynamoRelay.inFrontOf(stack.engine().endpoint());
        throughRelay = new Handlers(stack.with("DYNAMODB_ENDPOINT", relay.endpoint()).services(Clock.systemUTC()));
        fleet = new Fleet(stack, Parallel.THREADS);
        accounts = new Accounts(direct);
        // each environment's first call loads its handler and clients: not inside the races
        User warmUp = accounts.signUp(Accounts.uniqueName("warm_up"));
        for (int i = 0; i < Parallel.THREADS; i++) {
            assertEquals(200, fleet.serving(i).refresh(accounts.session(warmUp).refresh()).getStatusCode());
        }
    }

    @AfterAll
    static void stop() {
        relay.close();
        fleet.close();
    }

    @Test
    void aSignOutEverywhereBetweenARefreshsReadAndItsWriteEndsThePairItIssued() {
        TokenPair login = accounts.session(accounts.signUp(Accounts.uniqueName("signout_between")));
        AtomicReference<APIGatewayV2HTTPResponse> signOut = new AtomicReference<>();
        relay.runBefore(DynamoRelay.UPDATE, () -> signOut.set(logoutAll(direct, login.access())));

        APIGatewayV2HTTPResponse refresh = throughRelay.refresh(login.refresh());

        assertEquals(200, signOut.get().getStatusCode(), "logout-all committed between the refresh's read and write");
        assertEquals(200, refresh.getStatusCode(), "the refresh read the user before the sign-out");
        assertEnded(pairOf(refresh), directHandlers, direct);
        assertEnded(login, directHandlers, direct);
    }

    @Test
    void aDeletionBetweenARefreshsReadAndItsWriteEndsThePairItIssued() {
        User user = accounts.signUp(Accounts.uniqueName("delete_between"));
        TokenPair login = accounts.session(user);
        AtomicReference<APIGatewayV2HTTPResponse> deletion = new AtomicReference<>();
        relay.runBefore(DynamoRelay.UPDATE, () -> deletion.set(directHandlers.deleteAccount(login.access(), user.id())));

        APIGatewayV2HTTPResponse refresh = throughRelay.refresh(login.refresh());

        assertEquals(204, deletion.get().getStatusCode(), "the deletion committed between the refresh's read and write");
        assertEquals(200, refresh.getStatusCode(), "the refresh read the user before the deletion");
        assertEnded(pairOf(refresh), directHandlers, direct);
    }

    @Test
    void logoutAllRacingRefreshesLeavesNoWorkingToken() {
        race("logout-all", (session, environment) -> logoutAll(fleet.wiring(environment), session.access()), 200);
    }

    @Test
    void deleteRacingRefreshesLeavesNoWorkingToken() {
        race("delete", (session, environment) -> fleet.serving(environment).deleteAccount(session.access(),
                session.refreshClaims().userId()), 204);
    }

    /**
     * Rounds of {@link #SESSIONS} logins of one account, each refreshed once, racing `end` (sent with the first
     * login's access token), which starts later each round. A pair issued before the end is ended too: it belongs
     * to a session begun before it.
     */
    private static void race(String what, BiFunction<TokenPair, Integer, APIGatewayV2HTTPResponse> end, int endStatus) {
        List<String> outcomes = new ArrayList<>();
        int issued = 0;
        for (long endDelay : END_DELAYS_MILLIS) {
            User user = accounts.signUp(Accounts.uniqueName("session_end_race"));
            List<TokenPair> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(accounts.session(user));
            }
            List<APIGatewayV2HTTPResponse> answers = Parallel.run(SESSIONS + 1, task -> task == SESSIONS
                    ? Parallel.afterMillis(endDelay, () -> end.apply(sessions.get(0), task))
                    : Parallel.afterMillis(task * STEP_MILLIS, () -> fleet.serving(task).refresh(sessions.get(task).refresh())));

            assertEquals(endStatus, answers.get(SESSIONS).getStatusCode(), () -> what + ": " + answers.get(SESSIONS).getBody());
            StringBuilder outcome = new StringBuilder(what + " after " + endDelay + " ms, refreshes:");
            for (int i = 0; i < SESSIONS; i++) {
                APIGatewayV2HTTPResponse refresh = answers.get(i);
                outcome.append(' ').append(refresh.getStatusCode());
                if (refresh.getStatusCode() == 200) {
                    issued++;
                    assertEnded(pairOf(refresh), fleet.serving(i), fleet.wiring(i));
                } else {
                    Responses.assertUnauthorized(refresh, BLACKLISTED);
                }
                assertEnded(sessions.get(i), fleet.serving(i + 1), fleet.wiring(i + 1));
            }
            outcomes.add(outcome.toString());
        }
        System.out.println(what + " racing refreshes: " + outcomes);
        assertTrue(issued > 0, "some refresh won a pair in the race, so the check above judged one: " + outcomes);
    }

    /** Neither token of the pair works anywhere any more. */
    private static void assertEnded(TokenPair pair, Handlers handlers, EnvironmentWiring wiring) {
        Responses.assertUnauthorized(handlers.refresh(pair.refresh()), BLACKLISTED);
        Responses.assertUnauthorized(handlers.verify(pair.refresh()), BLACKLISTED);
        Responses.assertUnauthorized(handlers.verify(pair.access()), BLACKLISTED);
        APIGatewayV2HTTPResponse me = new GetProfileHandler(wiring)
                .handleRequest(HttpApiEvent.get("/account/me").bearer(pair.access()).build(), null);
        assertEquals(401, me.getStatusCode(), () -> "GET /account/me with the access token: " + me.getBody());
    }

    private static APIGatewayV2HTTPResponse logoutAll(EnvironmentWiring wiring, String access) {
        return new LogoutAllHandler(wiring).handleRequest(HttpApiEvent.post("/account/logout-all", "{}")
                .bearer(access).build(), null);
    }

    private static TokenPair pairOf(APIGatewayV2HTTPResponse refresh) {
        var body = Responses.json(refresh);
        return new TokenPair(body.path("access").asText(), body.path("refresh").asText(), null);
    }
}
