package dev.accounts.localapi.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers with what it received: the event, its environment, the context, and how often it was created. */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final int instance;
    private int invocations;

    public EchoHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public EchoHandler(EnvironmentWiring wiring) {
        Map<String, String> environment = wiring.environment();
        this.environment = environment;
        this.instance = INSTANCES.incrementAndGet();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        invocations++;
        context.getLogger().log("echo " + event.getRouteKey());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", event);
        answer.put("environment", environment);
        answer.put("functionName", context.getFunctionName());
        answer.put("awsRequestId", context.getAwsRequestId());
        answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        answer.put("handlerClass", getClass().getName());
        answer.put("instance", instance);
        answer.put("invocations", invocations);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "1"))
                    .withMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")))
                    .withCookies(List.of("session=abc; HttpOnly", "theme=dark"))
                    .withBody(JSON.writeValueAsString(answer))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
