package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests a handler sends itself while priming: real events along its real path, each refused before any
 * write (a missing field, a token of a user that does not exist), so the snapshot holds warm code, not state.
 */
public final class PrimingRequests {
    /** Never a real API's host: tokens minted for priming name an issuer no request will ever have. */
    public static final String DOMAIN = "priming.invalid";

    private PrimingRequests() {}

    public static APIGatewayV2HTTPEvent post(String path, String jsonBody, String bearer) {
        APIGatewayV2HTTPEvent event = event("POST", path, bearer);
        event.getHeaders().put("content-type", "application/json");
        event.setBody(jsonBody);
        return event;
    }

    public static APIGatewayV2HTTPEvent get(String path) {
        return event("GET", path, null);
    }

    public static APIGatewayV2HTTPEvent delete(String path, String id, String bearer) {
        APIGatewayV2HTTPEvent event = event("DELETE", path.replace("{id}", id), bearer);
        event.setPathParameters(Map.of("id", id));
        return event;
    }

    /** The issuer a handler derives for these requests. */
    public static String issuer() {
        return "https://" + DOMAIN;
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String bearer) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-forwarded-proto", "https");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withDomainName(DOMAIN)
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .build())
                        .build())
                .build();
    }
}
