package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The origin rules of API Gateway's CorsConfiguration: exact, scheme wildcards, {@code *}, credentials. */
class CorsPolicyTest {

    private static CorsPolicy policy(String json) throws Exception {
        JsonNode properties = TestSupport.JSON.readTree("{\"CorsConfiguration\": " + json + "}");
        return CorsPolicy.from(properties).orElseThrow();
    }

    private static String allowedOrigin(CorsPolicy policy, String origin) {
        OutgoingResponse answered = policy.applyTo(new OutgoingResponse(200, Map.of("Access-Control-Allow-Origin",
                List.of("https://set-by-the-function.example")), new byte[0]), origin);
        return answered.headers().getOrDefault(CorsPolicy.ALLOW_ORIGIN, List.of()).stream().findFirst().orElse(null);
    }

    @Test
    void exactOriginsAndSchemeWildcards() throws Exception {
        CorsPolicy policy = policy("{\"AllowOrigins\": [\"https://app.example\", \"http://*\"]}");
        assertEquals("https://app.example", allowedOrigin(policy, "https://app.example"));
        assertEquals("http://localhost:5173", allowedOrigin(policy, "http://localhost:5173"));
        assertEquals(null, allowedOrigin(policy, "https://other.example"), "the function's own header is dropped too");
    }

    @Test
    void starAnswersStarUnlessCredentialsAreAllowed() throws Exception {
        assertEquals("*", allowedOrigin(policy("{\"AllowOrigins\": [\"*\"]}"), "https://x.example"));
        assertEquals("https://x.example",
                allowedOrigin(policy("{\"AllowOrigins\": [\"*\"], \"AllowCredentials\": true}"), "https://x.example"));
    }

    @Test
    void noCorsConfigurationOrFalseMeansNoPolicy() throws Exception {
        assertTrue(CorsPolicy.from(TestSupport.JSON.readTree("{}")).isEmpty());
        assertTrue(CorsPolicy.from(TestSupport.JSON.readTree("{\"CorsConfiguration\": false}")).isEmpty());
        assertFalse(CorsPolicy.isPreflight("OPTIONS", "https://a.example", null), "no Access-Control-Request-Method");
    }
}
