package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds API Gateway HTTP API (payload 2.0) events field for field as API Gateway sends them (see events/*.json):
 * the one builder of such events, for SnapStart priming and for tests alike, so both run the request mapping
 * exactly as a real request does.
 */
public final class HttpApiEvent {
    /** The host of an API Gateway default endpoint, as a request reaching one names it. */
    public static final String DEFAULT_DOMAIN = "abc123.execute-api.us-east-1.amazonaws.com";

    private final APIGatewayV2HTTPEvent event;
    private final APIGatewayV2HTTPEvent.RequestContext context;

    private HttpApiEvent(String method, String path) {
        Map<String, String> headers = new HashMap<>();
        headers.put("accept", "application/json");
        headers.put("content-type", "application/json");
        headers.put("host", DEFAULT_DOMAIN);
        headers.put("user-agent", "tests");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("abc123")
                .withDomainName(DEFAULT_DOMAIN)
                .withDomainPrefix("abc123")
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(method + " " + path)
                .withStage("$default")
                .withTime("01/Jan/2000:00:00:00 +0000")
                .withTimeEpoch(946_684_800_000L)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                        .withProtocol("HTTP/1.1").withSourceIp("203.0.113.7").withUserAgent("tests").build())
                .build();
        event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(context)
                .withIsBase64Encoded(false)
                .build();
    }

    public static HttpApiEvent post(String path, String jsonBody) {
        return new HttpApiEvent("POST", path).body(jsonBody);
    }

    public static HttpApiEvent patch(String path, String jsonBody) {
        return new HttpApiEvent("PATCH", path).body(jsonBody);
    }

    public static HttpApiEvent get(String path) {
        return new HttpApiEvent("GET", path).header("content-type", null);
    }

    public static HttpApiEvent delete(String path) {
        return new HttpApiEvent("DELETE", path).header("content-type", null);
    }

    public HttpApiEvent body(String body) {
        event.setBody(body);
        return this;
    }

    /** Sets a header (lower-case, as API Gateway passes them); null removes it. */
    public HttpApiEvent header(String name, String value) {
        if (value == null) {
            event.getHeaders().remove(name);
        } else {
            event.getHeaders().put(name, value);
        }
        return this;
    }

    public HttpApiEvent bearer(String accessToken) {
        return header("authorization", "Bearer " + accessToken);
    }

    public HttpApiEvent base64(boolean encoded) {
        event.setIsBase64Encoded(encoded);
        return this;
    }

    /** The API's domain, in the request context and the Host header alike. */
    public HttpApiEvent domain(String domainName) {
        context.setDomainName(domainName);
        return header("host", domainName);
    }

    public HttpApiEvent stage(String stage) {
        context.setStage(stage);
        return this;
    }

    public HttpApiEvent requestId(String requestId) {
        context.setRequestId(requestId);
        return this;
    }

    /** The path parameter, also filled into the path where the route names it as {name}. */
    public HttpApiEvent pathParameter(String name, String value) {
        Map<String, String> params = event.getPathParameters() == null ? new HashMap<>() : event.getPathParameters();
        params.put(name, value);
        event.setPathParameters(params);
        String path = event.getRawPath().replace("{" + name + "}", value);
        event.setRawPath(path);
        context.getHttp().setPath(path);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return event;
    }
}
