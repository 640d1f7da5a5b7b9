package dev.accounts.localapi.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;

/** Takes as long as {@code ?ms=} says, then answers which instance served it: for the pool and the Timeout. */
public final class SlowHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final int instance = System.identityHashCode(this);

    public SlowHandler(EnvironmentWiring wiring) {
        // the environment is not needed: the pool and the Timeout are what is tested
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Thread.sleep(Long.parseLong(event.getQueryStringParameters().getOrDefault("ms", "0")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"instance\":" + instance + "}").build();
    }
}
