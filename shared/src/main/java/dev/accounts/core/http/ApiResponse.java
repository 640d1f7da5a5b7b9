package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a use-case answers: status, optional JSON body, extra headers. Turned into the Lambda response here. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new ApiResponse(status, body, merged);
    }

    static ApiResponse of(ApiException error) {
        return new ApiResponse(error.status(), error.body(), error.headers());
    }

    APIGatewayV2HTTPResponse toLambda() {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        // Tokens and account data must not sit in shared caches (RFC 6749 §5.1); a public endpoint overrides this.
        all.put("Cache-Control", "no-store");
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body == null ? "" : Json.write(body))
                .withIsBase64Encoded(false)
                .build();
    }
}
