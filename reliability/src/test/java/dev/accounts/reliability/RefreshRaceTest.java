package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens are single-use: of many simultaneous refreshes with one token exactly one succeeds, and the
 * others, having presented a spent token, revoke the whole login (RFC 9700 §4.14.2). Logout racing refresh
 * ends, whichever wins, with no usable refresh token in that login.
 */
class RefreshRaceTest {
    private static final int REFRESHES = 20;
    private static final int LOGOUT_ROUNDS = 8;
    private static final long REFRESH_DELAY_STEP_MILLIS = 10;
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private static TestStack stack;
    private static Fleet fleet;
    private static Accounts accounts;
    private static User user;

    @BeforeAll
    static void oneAccount() {
        stack = TestStack.create();
        fleet = new Fleet(stack, Parallel.THREADS);
        accounts = new Accounts(stack.services(Clock.systemUTC()));
        user = accounts.signUp(Accounts.uniqueName("refresh_race"));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void twentyRefreshesOfOneTokenHaveOneWinnerAndTheReplaysRevokeTheLogin() {
        TokenPair login = accounts.session(user);

        List<APIGatewayV2HTTPResponse> answers = Parallel.run(REFRESHES,
                i -> fleet.serving(i).refresh(login.refresh()));

        List<APIGatewayV2HTTPResponse> winners = answers.stream().filter(a -> a.getStatusCode() == 200).toList();
        assertEquals(1, winners.size(), () -> "exactly one refresh wins: " + SignUpRaceTest.statuses(answers));
        answers.stream().filter(a -> a.getStatusCode() != 200)
                .forEach(lost -> Responses.assertUnauthorized(lost, BLACKLISTED));

        StoredItems revoked = StoredItems.scan(stack.dynamoDb(), stack.revokedTokensTable());
        assertTrue(revoked.familyRevoked(login.refreshClaims().family()),
                "the losers presented a spent token: the login is revoked");
        String next = Responses.json(winners.get(0)).path("refresh").asText();
        assertEquals(login.refreshClaims().family(), Jwt.claims(next).path("fam").asText(), "the winner's token is of the same login");
        Responses.assertUnauthorized(fleet.serving(0).refresh(next), BLACKLISTED);
        Responses.assertUnauthorized(fleet.serving(1).verify(next), BLACKLISTED);
        Responses.assertUnauthorized(fleet.serving(2).refresh(login.refresh()), BLACKLISTED);
    }

    @Test
    void logoutRacingRefreshLeavesNoUsableRefreshTokenInThatLogin() {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < LOGOUT_ROUNDS; i++) {
            int round = i;
            TokenPair login = accounts.session(user);
            // Refresh starts a little later each round (logout authenticates first, so it is the slower one):
            // the rounds cover refresh first, both at once, and logout first.
            List<APIGatewayV2HTTPResponse> answers = Parallel.run(2, task -> task == 0
                    ? fleet.serving(round).logout(login.access(), login.refresh())
                    : Parallel.afterMillis(round * REFRESH_DELAY_STEP_MILLIS, () -> fleet.serving(round + 1).refresh(login.refresh())));
            APIGatewayV2HTTPResponse logout = answers.get(0);
            APIGatewayV2HTTPResponse refresh = answers.get(1);
            outcomes.add("logout " + logout.getStatusCode() + " / refresh " + refresh.getStatusCode());

            assertTrue(logout.getStatusCode() == 200 || logout.getStatusCode() == 401, () -> describe(answers));
            assertTrue(refresh.getStatusCode() == 200 || refresh.getStatusCode() == 401, () -> describe(answers));
            // Refresh loses only to a logout that already revoked the login; logout loses only to a refresh that
            // already spent the token, and revokes the login anyway.
            assertFalse(logout.getStatusCode() == 401 && refresh.getStatusCode() == 401,
                    () -> "one of the two must have gone first: " + describe(answers));
            if (logout.getStatusCode() == 401) {
                Responses.assertUnauthorized(logout, BLACKLISTED);
            }
            if (refresh.getStatusCode() == 401) {
                Responses.assertUnauthorized(refresh, BLACKLISTED);
            }

            assertTrue(StoredItems.scan(stack.dynamoDb(), stack.revokedTokensTable()).familyRevoked(login.refreshClaims().family()),
                    () -> "the login is revoked whoever won: " + describe(answers));
            List<String> refreshTokens = new ArrayList<>(List.of(login.refresh()));
            if (refresh.getStatusCode() == 200) {
                refreshTokens.add(Responses.json(refresh).path("refresh").asText());
            }
            for (String token : refreshTokens) {
                Responses.assertUnauthorized(fleet.serving(round).verify(token), BLACKLISTED);
                Responses.assertUnauthorized(fleet.serving(round).refresh(token), BLACKLISTED);
            }
        }
        System.out.println("logout racing refresh, " + LOGOUT_ROUNDS + " rounds: " + outcomes);
    }

    private static String describe(List<APIGatewayV2HTTPResponse> answers) {
        return "logout " + answers.get(0).getStatusCode() + " " + answers.get(0).getBody()
                + "; refresh " + answers.get(1).getStatusCode() + " " + answers.get(1).getBody();
    }
}
