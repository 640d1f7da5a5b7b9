package dev.accounts.localapi.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;

/** Throws, as a function with a bug would: the client must get API Gateway's 500, not the exception. */
public final class FailingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public FailingHandler(EnvironmentWiring wiring) {
        // the environment is not needed: the local API's way of building handlers is what is tested
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        throw new IllegalStateException("secret-internal-detail");
    }
}
