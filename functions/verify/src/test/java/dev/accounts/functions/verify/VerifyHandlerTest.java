package dev.accounts.functions.verify;

import static dev.accounts.core.testing.Responses.assertAnswer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VerifyHandlerTest {
    private static final String PATH = "/account/verify";
    private static final String INVALID = "{\"detail\": \"Token is invalid or expired\", \"code\": \"token_not_valid\"}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private final TestStack stack = TestStack.create();
    private final EnvironmentWiring services = stack.services();
    private final Accounts accounts = new Accounts(services);
    private final VerifyHandler handler = new VerifyHandler(services);

    @Test
    void validTokensOfEitherTypeVerify() {
        TokenPair pair = accounts.session(accounts.signUp(Accounts.uniqueName("vera")));
        assertAnswer(verify(pair.access()), 200, "{}");
        assertAnswer(verify(pair.refresh()), 200, "{}");
    }

    @Test
    void spentRevokedOrDeletedUsersTokensAreBlacklisted() {
        User user = accounts.signUp(Accounts.uniqueName("vic"));
        TokenPair pair = accounts.session(user);
        services.refreshTokens().refresh(refreshBody(pair.refresh()), accounts.issuer());
        assertAnswer(verify(pair.refresh()), 401, BLACKLISTED);

        TokenPair other = accounts.session(user);
        accounts.delete(user);
        assertAnswer(verify(other.access()), 401, BLACKLISTED);
        assertAnswer(verify(other.refresh()), 401, BLACKLISTED);
    }

    @Test
    void forgedAndMalformedTokensAreInvalid() {
        TokenPair pair = accounts.session(accounts.signUp(Accounts.uniqueName("val")));
        String[] parts = pair.access().split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertAnswer(verify(none), 401, INVALID);
        assertAnswer(verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)), 401, INVALID);
        assertAnswer(verify("garbage"), 401, INVALID);
    }

    @Test
    void aMissingTokenIsAFieldError() {
        assertAnswer(handler.handleRequest(HttpApiEvent.post(PATH, "{}").build(), null), 400,
                "{\"token\": [\"This field is required.\"]}");
    }

    @TestFactory
    Stream<DynamicTest> badInputIsAnsweredAsTheContractSays() {
        return BadInput.table(PATH, event -> handler.handleRequest(event.build(), null), "{\"token\": 7}",
                "{\"token\": [\"Not a valid string.\"]}");
    }

    private APIGatewayV2HTTPResponse verify(String token) {
        return handler.handleRequest(HttpApiEvent.post(PATH, Accounts.body("token", token)).build(), null);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode refreshBody(String token) {
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) dev.accounts.core.json.Json.parse(
                    Accounts.refreshBody(token));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
    }
}
