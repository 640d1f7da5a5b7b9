package dev.accounts.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.http.HttpApiEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import dev.accounts.core.contract.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    @Test
    void readsAnObject() {
        assertEquals("alice", JsonBody.of(request(HttpApiEvent.post("/x", "{\"username\":\"alice\"}"))).get("username").asText());
    }

    @Test
    void malformedJsonIsA400WithDrfsDetail() {
        ApiException e = refused(HttpApiEvent.post("/x", "{\"username\":"));
        assertEquals(400, e.status());
        assertTrue(((String) e.body().get("detail")).startsWith("JSON parse error - "), e.body().toString());
    }

    /** A password typed without quotes, or any bare text, must never come back: the answer says where only. */
    @Test
    void parseErrorsSayWhereAndNeverEchoWhatWasSent() {
        String secret = "hunter2Sekrit";
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{\"password\": " + secret + "}", "line 1 column ");
        bodies.put("{\"username\": \"a\",\n \"password\": " + secret + "}", "line 2 column ");
        bodies.put("{" + secret + ": \"x\"}", "line 1 column ");
        bodies.put("[" + secret + "]", "line 1 column ");
        bodies.put(secret, "line 1 column ");
        bodies.put("{\"password\": \"x\"} " + secret, "line 1 column ");
        bodies.put("{\"password\": tr" + secret + "}", "line 1 column ");
        bodies.put("{\"password\": 12" + secret + "}", "line 1 column ");
        bodies.put("{\"password\": \"\\q" + secret + "\"}", "line 1 column ");
        bodies.put("{\"password\": \"x\" " + secret + "}", "line 1 column ");
        bodies.put("{\"password\": \u00e9" + secret + "}", "line 1 column ");
        bodies.forEach((body, where) -> {
            ApiException e = refused(HttpApiEvent.post("/x", body));
            assertEquals(400, e.status(), body);
            String detail = (String) e.body().get("detail");
            assertTrue(detail.startsWith("JSON parse error - Invalid JSON: " + where), body + " -> " + detail);
            for (String fragment : List.of(secret, "hunter", "Sekrit", "'", "Unrecognized", "code ")) {
                assertTrue(!detail.contains(fragment), body + " -> " + detail + " echoes " + fragment);
            }
        });
    }

    @Test
    void aListIsNotADictionary() {
        ApiException e = refused(HttpApiEvent.post("/x", "[1,2]"));
        assertEquals(400, e.status());
        assertEquals(Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")), e.body());
        assertEquals(Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got str.")),
                refused(HttpApiEvent.post("/x", "\"text\"")).body());
    }

    @Test
    void aNonJsonContentTypeIs415() {
        ApiException e = refused(HttpApiEvent.post("/x", "username=alice").header("content-type", "text/plain; charset=utf-8"));
        assertEquals(415, e.status());
        assertEquals(Map.of("detail", "Unsupported media type \"text/plain\" in request."), e.body());
    }

    @Test
    void aBodyOver16KibIs413() {
        String big = "{\"a\":\"" + "x".repeat(16 * 1024) + "\"}";
        assertEquals(413, refused(HttpApiEvent.post("/x", big)).status());
        String encoded = Base64.getEncoder().encodeToString(big.getBytes(StandardCharsets.UTF_8));
        assertEquals(413, refused(HttpApiEvent.post("/x", encoded).base64(true)).status());
    }

    @Test
    void base64BodiesAreDecodedFirst() {
        String encoded = Base64.getEncoder().encodeToString("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("b", JsonBody.of(request(HttpApiEvent.post("/x", encoded).base64(true))).get("a").asText());
        assertEquals(400, refused(HttpApiEvent.post("/x", "%%%not base64").base64(true)).status());
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ApiException e = refused(HttpApiEvent.post("/x", Base64.getEncoder().encodeToString(bytes)).base64(true));
        assertEquals(400, e.status());
    }

    @Test
    void deepNestingIsRefusedNotFollowed() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertEquals(400, refused(HttpApiEvent.post("/x", deep)).status());
    }

    @Test
    void anEmptyBodyReadsAsNoFields() {
        assertEquals(0, JsonBody.of(request(HttpApiEvent.post("/x", null).header("content-type", null))).size());
    }

    private static ApiRequest request(HttpApiEvent events) {
        return ApiRequest.from(events.build());
    }

    private static ApiException refused(HttpApiEvent events) {
        return assertThrows(ApiException.class, () -> JsonBody.of(request(events)));
    }
}
