package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.account.User;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account while logins for it are in flight: a login that read the account before it went may
 * still answer 200, but no token of a deleted account works afterwards, anywhere, and not for a new account
 * under the same name either.
 */
class DeleteLoginRaceTest {
    private static final int LOGINS = 4;
    /** How long the delete waits in each round: at once, then landing while the logins hash the password. */
    private static final long[] DELETE_DELAYS_MILLIS = {0, 60, 120};
    private static final String USER_NOT_FOUND = "{\"detail\": \"User not found\", \"code\": \"user_not_found\"}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";
    private static final String NO_ACCOUNT = "{\"detail\": \"No active account found with the given credentials\"}";

    private static TestStack stack;
    private static Fleet fleet;
    private static Accounts accounts;

    @BeforeAll
    static void stack() {
        stack = TestStack.create();
        fleet = new Fleet(stack, Parallel.THREADS);
        accounts = new Accounts(stack.services(Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void noTokenOfADeletedAccountWorksWhicheverOfDeleteAndLoginWentFirst() {
        List<String> outcomes = new ArrayList<>();
        for (long delay : DELETE_DELAYS_MILLIS) {
            String name = Accounts.uniqueName("delete_race");
            User user = accounts.signUp(name);
            String access = accounts.session(user).access();

            // Task 0 deletes; the others log in with the right password.
            List<APIGatewayV2HTTPResponse> answers = Parallel.run(LOGINS + 1, i -> i == 0
                    ? Parallel.afterMillis(delay, () -> fleet.serving(i).deleteAccount(access, user.id()))
                    : fleet.serving(i).login(name, Accounts.PASSWORD));

            Responses.assertNoContent(answers.get(0));
            List<JsonNode> issued = new ArrayList<>();
            for (APIGatewayV2HTTPResponse login : answers.subList(1, answers.size())) {
                if (login.getStatusCode() == 200) {
                    issued.add(Responses.json(login));
                } else {
                    Responses.assertUnauthorized(login, NO_ACCOUNT);
                }
            }
            outcomes.add("delete after " + delay + " ms: " + issued.size() + " of " + LOGINS + " logins answered 200");

            StoredItems users = StoredItems.scan(stack.dynamoDb(), stack.usersTable());
            assertFalse(users.has("USER#" + user.id()), "the account is gone");
            assertFalse(users.has("NAME#" + Usernames.key(name)), "the name is free");
            assertTrue(StoredItems.scan(stack.dynamoDb(), stack.revokedTokensTable()).has("USER#" + user.id()),
                    "every refresh token of the account is revoked");
            issued.forEach(tokens -> assertUnusable(tokens, user.id()));

            // The name is free again; the new account's id is new, and the old tokens stay refused.
            APIGatewayV2HTTPResponse again = fleet.serving(0).signUp(name, Accounts.PASSWORD);
            assertEquals(201, again.getStatusCode(), again.getBody());
            assertNotEquals(user.id(), Responses.json(again).path("id").asText());
            issued.forEach(tokens -> assertUnusable(tokens, user.id()));
        }
        System.out.println("delete racing login: " + outcomes);
    }

    private static void assertUnusable(JsonNode tokens, String deletedId) {
        String access = tokens.path("access").asText();
        String refresh = tokens.path("refresh").asText();
        Handlers handlers = fleet.serving(0);
        Responses.assertUnauthorized(handlers.deleteAccount(access, deletedId), USER_NOT_FOUND);
        Responses.assertUnauthorized(handlers.logout(access, refresh), USER_NOT_FOUND);
        Responses.assertUnauthorized(handlers.verify(access), BLACKLISTED);
        Responses.assertUnauthorized(handlers.verify(refresh), BLACKLISTED);
        Responses.assertUnauthorized(handlers.refresh(refresh), BLACKLISTED);
    }
}
