package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a function's payload-2.0 response into HTTP as API Gateway does: status, headers, multi-value
 * headers, each cookie as its own Set-Cookie, and the body decoded from base64 when flagged so.
 */
final class ResponseMapper {

    private ResponseMapper() {
    }

    /** The HTTP answer; a response API Gateway could not use (null, no status, bad base64) becomes its 500. */
    static OutgoingResponse toHttp(APIGatewayV2HTTPResponse response, String requestId) {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return internalServerError(requestId);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> add(headers, name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> add(headers, name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> add(headers, "Set-Cookie", cookie));
        }
        add(headers, "apigw-requestid", requestId);
        byte[] body;
        String text = response.getBody();
        if (text == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                return internalServerError(requestId);
            }
        } else {
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new OutgoingResponse(response.getStatusCode(), headers, body);
    }

    /** What API Gateway answers when the function fails or returns something unusable. */
    static OutgoingResponse internalServerError(String requestId) {
        return OutgoingResponse.gatewayMessage(500, "Internal Server Error", requestId);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        if (value == null) {
            return;
        }
        // header names are case-insensitive: one entry per name, whatever case the function used
        String key = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
        headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}
