package dev.accounts.functions.getprofile;

import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertUnauthorized;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /account/me through its handler, against real DynamoDB tables. */
class GetProfileHandlerTest {
    private static final TestStack STACK = TestStack.create();
    private static final EnvironmentWiring SERVICES = STACK.services(MutableClock.startingNow());
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final GetProfileHandler HANDLER = new GetProfileHandler(SERVICES);

    @Test
    void answersTheCallersProfileAndNeverTheHash() {
        String name = uniqueName("Profiled");
        User user = SERVICES.createAccount().create(Json.MAPPER.createObjectNode().put("username", name)
                .put("password", Accounts.PASSWORD).put("email", "Profiled@Example.com")
                .put("first_name", "Ada").put("last_name", "Lovelace"));

        APIGatewayV2HTTPResponse response = get(ACCOUNTS.session(user).access());

        assertAnswer(response, 200, Json.write(Map.of("id", user.id(), "username", name,
                "email", "Profiled@Example.com", "first_name", "Ada", "last_name", "Lovelace", "email_verified", false)));
        dev.accounts.core.testing.Responses.assertDoesNotContain(response, "argon2");
    }

    @Test
    void withoutABearerTokenIs401AndADeletedUsersTokenToo() {
        assertUnauthorized(HANDLER.handleRequest(HttpApiEvent.get("/account/me").build(), null),
                "{\"detail\": \"Authentication credentials were not provided.\"}");
        User gone = ACCOUNTS.signUp(uniqueName("gone"));
        String access = ACCOUNTS.session(gone).access();
        ACCOUNTS.delete(gone);
        assertUnauthorized(get(access), "{\"detail\": \"User not found\", \"code\": \"user_not_found\"}");
    }

    private static APIGatewayV2HTTPResponse get(String access) {
        return HANDLER.handleRequest(HttpApiEvent.get("/account/me").bearer(access).build(), null);
    }
}
