package dev.accounts.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.LambdaContexts;
import dev.accounts.core.testing.TestStack;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A call is started only when it can end before Lambda's timeout: with too little time left the request
 * answers 503 at once, with its JSON body, instead of being cut off by Lambda.
 */
class RequestDeadlineTest {
    private final EnvironmentWiring services = TestStack.create().services();

    /** Looks a user up: one DynamoDB call per request. */
    private final class LooksUpAUser extends ApiFunction {
        final AtomicInteger answered = new AtomicInteger();

        @Override
        protected ApiResponse handle(ApiRequest request) {
            services.users().findById("someone");
            answered.incrementAndGet();
            return ApiResponse.json(200, Map.of());
        }
    }

    @Test
    void withLessTimeLeftThanACallMayTakeTheStorageCallIsNotStarted() {
        LooksUpAUser handler = new LooksUpAUser();
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(HttpApiEvent.get("/x").build(), LambdaContexts.withRemaining(4_000));

        assertEquals(503, response.getStatusCode());
        assertTrue(response.getBody().contains("\"detail\""), response.getBody());
        assertEquals(0, handler.answered.get());
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "answered at once, not after a call");
    }

    @Test
    void withEnoughTimeLeftOrNoLambdaContextTheCallIsMade() {
        LooksUpAUser handler = new LooksUpAUser();
        assertEquals(200, handler.handleRequest(HttpApiEvent.get("/x").build(), LambdaContexts.withRemaining(10_000)).getStatusCode());
        assertEquals(200, handler.handleRequest(HttpApiEvent.get("/x").build(), null).getStatusCode());
        assertEquals(2, handler.answered.get());
    }

    @Test
    void theDeadlineEndsWithItsRequest() {
        LooksUpAUser handler = new LooksUpAUser();
        handler.handleRequest(HttpApiEvent.get("/x").build(), LambdaContexts.withRemaining(1_000));
        assertTrue(RequestDeadline.allowsACall(), "no deadline outside a request");
    }
}
