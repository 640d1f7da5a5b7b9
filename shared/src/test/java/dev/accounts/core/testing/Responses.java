package dev.accounts.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * Reads handler responses as a client would: status, headers by case-insensitive name, the body as JSON.
 * Every body read here is also checked for what no response may carry (stack traces, class names).
 */
public final class Responses {
    /** What only a leaked exception or stored secret would put in a body. */
    private static final List<String> NEVER_IN_A_BODY = List.of("Exception", "\tat ", "java.", "com.fasterxml",
            "software.amazon", "dev.accounts", "$argon2", "password_hash");

    private Responses() {}

    /** The body as JSON, after checking it is declared as JSON and leaks nothing. */
    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        assertEquals("application/json", header(response, "Content-Type"), "Content-Type of " + describe(response));
        String body = response.getBody();
        assertNotNull(body, "a JSON response needs a body");
        NEVER_IN_A_BODY.forEach(marker -> assertFalse(body.contains(marker),
                "the body must not contain " + marker + ": " + body));
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            return fail("the body is not JSON: " + body);
        }
    }

    /** Status and the exact body (object keys in any order, arrays in order). */
    public static JsonNode assertAnswer(APIGatewayV2HTTPResponse response, int status, String expectedJson) {
        assertEquals(status, response.getStatusCode(), () -> "status of " + describe(response));
        JsonNode actual = json(response);
        assertEquals(parse(expectedJson), actual, "body");
        return actual;
    }

    /** The status, and the body as JSON for the caller to look into. */
    public static JsonNode assertStatus(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), () -> "status of " + describe(response));
        return json(response);
    }

    /** A 401 of an authentication failure: exact body and the Bearer challenge RFC 7235 requires. */
    public static void assertUnauthorized(APIGatewayV2HTTPResponse response, String expectedJson) {
        assertAnswer(response, 401, expectedJson);
        String challenge = header(response, "WWW-Authenticate");
        assertNotNull(challenge, "a 401 must carry WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer"), "the challenge names the Bearer scheme: " + challenge);
    }

    /** The contract's 503: exact body and a Retry-After of whole seconds. */
    public static void assertServiceUnavailable(APIGatewayV2HTTPResponse response) {
        assertAnswer(response, 503, "{\"detail\": \"Service temporarily unavailable, try again later.\"}");
        assertRetryAfter(response);
    }

    /** Retry-After as a positive number of seconds; returned for comparisons. */
    public static long assertRetryAfter(APIGatewayV2HTTPResponse response) {
        String value = header(response, "Retry-After");
        assertNotNull(value, "Retry-After is missing from " + describe(response));
        long seconds = Long.parseLong(value);
        assertTrue(seconds > 0, "Retry-After must be positive: " + value);
        return seconds;
    }

    /** 204: no body and so no Content-Type. */
    public static void assertNoContent(APIGatewayV2HTTPResponse response) {
        assertEquals(204, response.getStatusCode(), () -> "status of " + describe(response));
        assertTrue(response.getBody() == null || response.getBody().isEmpty(), "a 204 has no body: " + response.getBody());
        assertNull(header(response, "Content-Type"), "a 204 declares no Content-Type");
    }

    /**
     * For results checked through a use-case rather than a handler (another function's endpoint): the action is
     * refused with exactly this status and body.
     */
    public static void assertRefused(Executable action, int status, String expectedJson) {
        ApiException refused = assertThrows(ApiException.class, action);
        assertEquals(status, refused.status(), refused.getMessage());
        assertEquals(parse(expectedJson), Json.MAPPER.valueToTree(refused.body()), "body");
    }

    /** The action is refused with this status, whatever the body. */
    public static void assertRefused(Executable action, int status) {
        ApiException refused = assertThrows(ApiException.class, action);
        assertEquals(status, refused.status(), refused.getMessage());
    }

    /** The body text must not contain `secret` anywhere (a password, for instance). */
    public static void assertDoesNotContain(APIGatewayV2HTTPResponse response, String secret) {
        assertFalse(response.getBody() != null && response.getBody().contains(secret),
                "the response must not contain the secret: " + response.getBody());
    }

    /** A header by case-insensitive name, as HTTP reads them; null when absent. */
    public static String header(APIGatewayV2HTTPResponse response, String name) {
        Map<String, String> headers = response.getHeaders();
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    public static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the expected body in the test is not JSON: " + json, e);
        }
    }

    private static String describe(APIGatewayV2HTTPResponse response) {
        return response.getStatusCode() + " " + response.getHeaders() + " " + response.getBody();
    }
}
