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
    /** An X-Ray trace id that samples nothing, as Lambda gives every invocation one. */
    public static final String TRACE_ID = "Root=1-00000000-000000000000000000000000;Sampled=0";

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

    /**
     * Shaped as API Gateway's payload 2.0 events are, field for field (see events/*.json): the event reader and
     * the request mapping then run the same code for priming as for the first real request.
     */
    private static APIGatewayV2HTTPEvent event(String method, String path, String bearer) {
        Map<String, String> headers = new HashMap<>();
        headers.put("accept", "application/json");
        headers.put("host", DOMAIN);
        headers.put("user-agent", "priming");
        headers.put("x-amzn-trace-id", TRACE_ID);
        headers.put("x-forwarded-for", "192.0.2.1");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("priming")
                        .withDomainName(DOMAIN)
                        .withDomainPrefix("priming")
                        .withRequestId("priming")
                        .withRouteKey(method + " " + path)
                        .withStage("$default")
                        .withTime("01/Jan/2000:00:00:00 +0000")
                        .withTimeEpoch(946_684_800_000L)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("192.0.2.1").withUserAgent("priming").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }
}
