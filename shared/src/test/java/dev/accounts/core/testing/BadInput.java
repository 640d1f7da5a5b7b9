package dev.accounts.core.testing;

import dev.accounts.core.http.HttpApiEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract's "bad input, for every endpoint" table as dynamic tests against one body-carrying endpoint.
 * `send` delivers an event to the handler, adding whatever else the endpoint needs (a Bearer token).
 */
public final class BadInput {
    private static final String LIST_ANSWER = "{\"non_field_errors\": [\"Invalid data. Expected a dictionary, but got list.\"]}";
    private static final String TOO_LARGE_ANSWER = "{\"detail\": \"Request body too large.\"}";

    private BadInput() {}

    /**
     * @param wrongTypeBody   a body with one of the endpoint's fields of the wrong JSON type
     * @param wrongTypeAnswer the exact 400 body the endpoint answers to it
     */
    public static Stream<DynamicTest> table(String path, Function<HttpApiEvent, APIGatewayV2HTTPResponse> send,
                                            String wrongTypeBody, String wrongTypeAnswer) {
        return Stream.of(
                DynamicTest.dynamicTest("malformed JSON: 400 JSON parse error", () ->
                        assertParseError(send.apply(HttpApiEvent.post(path, "{\"refresh\": ")))),
                DynamicTest.dynamicTest("trailing garbage after the object: 400 JSON parse error", () ->
                        assertParseError(send.apply(HttpApiEvent.post(path, "{} {}")))),
                DynamicTest.dynamicTest("a key given twice: 400 JSON parse error", () ->
                        assertParseError(send.apply(HttpApiEvent.post(path, "{\"a\": 1, \"a\": 2}")))),
                DynamicTest.dynamicTest("nesting past the parser's limit: 400 JSON parse error", () ->
                        assertParseError(send.apply(HttpApiEvent.post(path, "{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}")))),
                DynamicTest.dynamicTest("a list: 400 expected a dictionary", () ->
                        Responses.assertAnswer(send.apply(HttpApiEvent.post(path, "[\"a\", \"b\"]")), 400, LIST_ANSWER)),
                DynamicTest.dynamicTest("a string: 400 expected a dictionary, got str", () ->
                        Responses.assertAnswer(send.apply(HttpApiEvent.post(path, "\"text\"")), 400,
                                "{\"non_field_errors\": [\"Invalid data. Expected a dictionary, but got str.\"]}")),
                DynamicTest.dynamicTest("a field of the wrong type: 400 on that field", () ->
                        Responses.assertAnswer(send.apply(HttpApiEvent.post(path, wrongTypeBody)), 400, wrongTypeAnswer)),
                DynamicTest.dynamicTest("text/plain: 415", () ->
                        Responses.assertAnswer(send.apply(HttpApiEvent.post(path, "{}").header("content-type", "text/plain")),
                                415, "{\"detail\": \"Unsupported media type \\\"text/plain\\\" in request.\"}")),
                DynamicTest.dynamicTest("a body over 16 KiB: 413", () ->
                        Responses.assertAnswer(send.apply(HttpApiEvent.post(path, objectOfSize(ApiRequest.MAX_BODY_BYTES + 1))),
                                413, TOO_LARGE_ANSWER)),
                DynamicTest.dynamicTest("a body of exactly 16 KiB is read, not refused as too large", () -> {
                    APIGatewayV2HTTPResponse response = send.apply(HttpApiEvent.post(path, objectOfSize(ApiRequest.MAX_BODY_BYTES)));
                    assertNotEquals(413, response.getStatusCode(), response.getBody());
                    // 400 for the required fields it lacks; 200 where every field is optional (PATCH /account/me)
                    assertTrue(response.getStatusCode() == 400 || response.getStatusCode() == 200,
                            "read and judged: " + response.getStatusCode() + " " + response.getBody());
                }),
                DynamicTest.dynamicTest("base64: decoded, then judged (a list)", () ->
                        Responses.assertAnswer(send.apply(base64(path, "[1]".getBytes(StandardCharsets.UTF_8))),
                                400, LIST_ANSWER)),
                DynamicTest.dynamicTest("base64: decoded, then judged (the wrong field type)", () ->
                        Responses.assertAnswer(send.apply(base64(path, wrongTypeBody.getBytes(StandardCharsets.UTF_8))),
                                400, wrongTypeAnswer)),
                DynamicTest.dynamicTest("base64: over 16 KiB once decoded: 413", () ->
                        Responses.assertAnswer(send.apply(base64(path, objectOfSize(ApiRequest.MAX_BODY_BYTES + 1)
                                .getBytes(StandardCharsets.UTF_8))), 413, TOO_LARGE_ANSWER)),
                DynamicTest.dynamicTest("base64 that is not base64: 400", () ->
                        assertParseError(send.apply(HttpApiEvent.post(path, "not base64 at all!").base64(true)))),
                DynamicTest.dynamicTest("invalid UTF-8: 400", () ->
                        assertParseError(send.apply(base64(path,
                                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})))));
    }

    /** 400 with DRF's {"detail": "JSON parse error - ..."} and nothing else. */
    public static void assertParseError(APIGatewayV2HTTPResponse response) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode body = Responses.json(response);
        assertEquals(1, body.size(), "only a detail: " + body);
        assertTrue(body.path("detail").asText().startsWith("JSON parse error - "), body.toString());
    }

    private static HttpApiEvent base64(String path, byte[] bytes) {
        return HttpApiEvent.post(path, Base64.getEncoder().encodeToString(bytes)).base64(true);
    }

    /** A JSON object of exactly `bytes` bytes, with no field any endpoint reads. */
    private static String objectOfSize(int bytes) {
        String prefix = "{\"padding\": \"";
        String suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
