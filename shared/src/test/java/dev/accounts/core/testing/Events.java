package dev.accounts.core.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds API Gateway HTTP API (payload 2.0) events as API Gateway sends them, for handler tests. */
public final class Events {
    private final APIGatewayV2HTTPEvent event;

    private Events(String method, String path) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-forwarded-proto", "https");
        headers.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withDomainName("abc123.execute-api.us-east-1.amazonaws.com")
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.7").withUserAgent("tests").build())
                        .build())
                .build();
    }

    public static Events post(String path, String jsonBody) {
        return new Events("POST", path).body(jsonBody);
    }

    public static Events get(String path) {
        return new Events("GET", path);
    }

    public static Events delete(String path) {
        return new Events("DELETE", path);
    }

    public Events body(String body) {
        event.setBody(body);
        return this;
    }

    public Events header(String name, String value) {
        if (value == null) {
            event.getHeaders().remove(name);
        } else {
            event.getHeaders().put(name, value);
        }
        return this;
    }

    public Events bearer(String accessToken) {
        return header("authorization", "Bearer " + accessToken);
    }

    public Events base64(boolean encoded) {
        event.setIsBase64Encoded(encoded);
        return this;
    }

    public Events pathParameter(String name, String value) {
        Map<String, String> params = event.getPathParameters() == null ? new HashMap<>() : event.getPathParameters();
        params.put(name, value);
        event.setPathParameters(params);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return event;
    }
}
