package dev.accounts.localapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP response ready to write: status, headers in order (a name may repeat), body bytes. */
record OutgoingResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** API Gateway's own JSON answers, e.g. 404 {"message":"Not Found"}. */
    static OutgoingResponse gatewayMessage(int status, String message, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("apigw-requestid", List.of(requestId));
        return new OutgoingResponse(status, headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
