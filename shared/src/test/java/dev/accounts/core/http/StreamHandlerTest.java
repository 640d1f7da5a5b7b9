package dev.accounts.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes Lambda hands the stream handler, and the bytes API Gateway reads back (payload format 2.0). */
class StreamHandlerTest {
    /** Echoes what it read of the event, so the test sees the mapping. */
    static final class Echo extends ApiFunction {
        @Override
        protected ApiResponse handle(ApiRequest request) {
            return ApiResponse.json(201, Map.of("method", request.method(), "path", request.path(),
                    "id", request.pathParameter("id").orElse(""), "body", new String(request.bodyBytes(),
                            StandardCharsets.UTF_8), "issuerBase", request.publicBaseUrl().orElse("")));
        }
    }

    @Test
    void readsAnApiGatewayEventAndWritesItsResponse() throws Exception {
        String event = """
                {"version": "2.0", "routeKey": "POST /x/{id}", "rawPath": "/prod/x/42", "rawQueryString": "",
                 "headers": {"content-type": "application/json", "x-forwarded-proto": "https"},
                 "pathParameters": {"id": "42"}, "isBase64Encoded": true, "body": "eyJhIjoxfQ==",
                 "requestContext": {"accountId": "123", "apiId": "abc", "domainName": "abc.example.com",
                   "http": {"method": "POST", "path": "/prod/x/42", "protocol": "HTTP/1.1", "sourceIp": "1.2.3.4",
                            "userAgent": "curl"}, "requestId": "r-1", "routeKey": "POST /x/{id}", "stage": "prod",
                   "time": "29/Nov/2026:12:00:00 +0000", "timeEpoch": 1795968000000, "somethingNew": {"a": 1}},
                 "aFieldFromTheFuture": [1, 2]}
                """;
        JsonNode response = invoke(event);
        assertEquals(201, response.get("statusCode").asInt());
        assertFalse(response.get("isBase64Encoded").asBoolean());
        assertEquals("application/json", response.get("headers").get("Content-Type").asText());
        assertFalse(response.has("cookies"), "no null members: " + response);
        JsonNode body = Json.parse(response.get("body").asText());
        assertEquals("POST", body.get("method").asText());
        assertEquals("/prod/x/42", body.get("path").asText());
        assertEquals("42", body.get("id").asText());
        assertEquals("{\"a\":1}", body.get("body").asText(), "base64 decoded");
        assertEquals("https://abc.example.com/prod", body.get("issuerBase").asText());
    }

    @Test
    void somethingThatIsNotAnEventGetsAnAnswerNotAnException() throws Exception {
        JsonNode response = invoke("[not an event");
        assertTrue(response.get("statusCode").asInt() < 500, response.toString());
    }

    private static JsonNode invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Echo().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parse(out.toString(StandardCharsets.UTF_8));
    }
}
