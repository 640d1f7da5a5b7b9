package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.account.LoginThrottle;
import dev.accounts.core.account.User;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The lockout under an attacker who sends all guesses at once: 40 wrong passwords for one name, in parallel,
 * across several environments, through the relay that keeps each DynamoDB request atomic. Each attempt is counted
 * before its password is checked, so at most {@link LoginThrottle#FREE_FAILURES} get a verdict (the race margin
 * is zero: the count that locks is a compare-and-set) and every other one is a 429 that costs no hash.
 */
class LockoutRaceTest {
    private static final int GUESSES = 40;
    /** What the design allows beyond the free failures when attempts race: none (see LoginThrottle). */
    private static final int RACE_MARGIN = 0;
    private static final String NO_ACTIVE_ACCOUNT = "{\"detail\": \"No active account found with the given credentials\"}";

    /** One stack for both races: each attacks a name of its own. */
    private static final Fleet fleet = new Fleet(TestStack.create(), Parallel.THREADS);

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void fortyParallelWrongPasswordsGetAtMostFiveVerdicts() {
        String name = Accounts.uniqueName("victim");
        assertEquals(201, fleet.serving(0).signUp(name, Accounts.PASSWORD).getStatusCode());

        List<APIGatewayV2HTTPResponse> answers = Parallel.run(GUESSES, i -> fleet.serving(i).login(name, "guess-" + i));

        Map<Integer, Long> counts = statuses(answers, APIGatewayV2HTTPResponse::getStatusCode);
        System.out.println("40 parallel wrong passwords for one name: " + counts);
        answers.stream().filter(a -> a.getStatusCode() == 401).forEach(a -> Responses.assertUnauthorized(a, NO_ACTIVE_ACCOUNT));
        answers.stream().filter(a -> a.getStatusCode() == 429).forEach(Responses::assertRetryAfter);
        assertEquals(GUESSES, counts.getOrDefault(401, 0L) + counts.getOrDefault(429, 0L), "only 401 and 429: " + counts);
        assertTrue(counts.getOrDefault(401, 0L) <= LoginThrottle.FREE_FAILURES + RACE_MARGIN, "password verdicts: " + counts);
        assertTrue(counts.getOrDefault(401, 0L) >= 1, "the first guess gets its verdict: " + counts);

        assertEquals(429, fleet.serving(0).login(name, Accounts.PASSWORD).getStatusCode(),
                "the name is locked, even for the right password");
    }

    /**
     * A user's own parallel logins (an app opening on several devices at once) are counted too, before their
     * passwords are checked, and none of them may lose its count to the others: up to the free failures, all
     * get in, whether the right passwords clear the counter under the others or not.
     */
    @Test
    void asManyParallelRightPasswordsAsFreeFailuresAllGetIn() {
        for (int round = 0; round < 3; round++) {
            String name = Accounts.uniqueName("devices");
            assertEquals(201, fleet.serving(0).signUp(name, Accounts.PASSWORD).getStatusCode());

            List<APIGatewayV2HTTPResponse> answers = Parallel.run(LoginThrottle.FREE_FAILURES,
                    i -> fleet.serving(i).login(name, Accounts.PASSWORD));

            Map<Integer, Long> counts = statuses(answers, APIGatewayV2HTTPResponse::getStatusCode);
            System.out.println(LoginThrottle.FREE_FAILURES + " parallel right passwords for one name: " + counts);
            assertEquals(Map.of(200, (long) LoginThrottle.FREE_FAILURES), counts);
        }
    }

    @Test
    void fortyParallelWrongOldPasswordsAtChangePasswordGetAtMostFiveVerdicts() {
        String name = Accounts.uniqueName("changer");
        assertEquals(201, fleet.serving(0).signUp(name, Accounts.PASSWORD).getStatusCode());
        User user = fleet.wiring(0).users().findByUsernameKey(Usernames.key(name)).orElseThrow();

        List<Integer> answers = Parallel.run(GUESSES, i -> {
            try {
                ObjectNode body = (ObjectNode) Responses.parse(Accounts.body("old_password", "guess-" + i,
                        "new_password", "An0ther-Passw0rd-" + i));
                fleet.wiring(i).changePassword().change(user, body, "https://issuer.example");
                return 200;
            } catch (ApiException refused) {
                return refused.status();
            }
        });

        Map<Integer, Long> counts = statuses(answers, Function.identity());
        System.out.println("40 parallel wrong old passwords for one account: " + counts);
        assertEquals(GUESSES, counts.getOrDefault(400, 0L) + counts.getOrDefault(429, 0L), "only 400 and 429: " + counts);
        assertTrue(counts.getOrDefault(400, 0L) <= LoginThrottle.FREE_FAILURES + RACE_MARGIN, "password verdicts: " + counts);
        assertTrue(counts.getOrDefault(400, 0L) >= 1, "the first guess gets its verdict: " + counts);
    }

    private static <T> Map<Integer, Long> statuses(List<T> answers, Function<T, Integer> status) {
        return answers.stream().collect(Collectors.groupingBy(status, TreeMap::new, Collectors.counting()));
    }
}
