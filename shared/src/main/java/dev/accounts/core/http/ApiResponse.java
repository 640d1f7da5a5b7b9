package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * The Lambda response API Gateway reads (payload 2.0), as the JSON the stream handler writes: built from maps,
     * so no bean serialiser is set up at a cold start. The one mapping; {@link #toLambda} reads it back.
     */
    public byte[] toLambdaJson() {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        // Tokens and account data must not sit in shared caches (RFC 6749 §5.1); a public endpoint overrides this.
        all.put("Cache-Control", "no-store");
        all.putAll(headers);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", status);
        response.put("headers", all);
        response.put("body", body == null ? "" : Json.write(body));
        response.put("isBase64Encoded", false);
        return Json.write(response).getBytes(StandardCharsets.UTF_8);
    }

    /** The same response as the events library's type, for callers of the typed handler (tests, the local API). */
    APIGatewayV2HTTPResponse toLambda() {
        try {
            return Json.MAPPER.readValue(toLambdaJson(), APIGatewayV2HTTPResponse.class);
        } catch (IOException e) {
            throw new IllegalStateException("response JSON not readable as APIGatewayV2HTTPResponse", e);
        }
    }
}
