package dev.accounts.localapi.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** Returns the request body as it came (base64 stays base64), and 204 when there is none. */
public final class BinaryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public BinaryHandler(EnvironmentWiring wiring) {
        // the environment is not needed: the local API's way of building handlers is what is tested
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getBody() == null) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withBody(event.getBody())
                .withIsBase64Encoded(event.getIsBase64Encoded())
                .build();
    }
}
