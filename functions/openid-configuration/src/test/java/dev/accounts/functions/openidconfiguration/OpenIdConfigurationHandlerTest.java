package dev.accounts.functions.openidconfiguration;

import dev.accounts.core.wiring.EnvironmentWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import dev.accounts.core.http.HttpApiEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenIdConfigurationHandlerTest {
    @Test
    void theIssuerIsThePublicBaseUrlAndPointsAtTheKeySet() throws Exception {
        APIGatewayV2HTTPResponse response = new OpenIdConfigurationHandler(EnvironmentWiring.fromEnvironment(Map.of())).handleRequest(
                HttpApiEvent.get("/.well-known/openid-configuration").build(), null);
        assertEquals(200, response.getStatusCode());
        JsonNode document = Json.parse(response.getBody());
        assertEquals("https://abc123.execute-api.us-east-1.amazonaws.com", document.get("issuer").asText());
        assertEquals("https://abc123.execute-api.us-east-1.amazonaws.com/.well-known/jwks.json",
                document.get("jwks_uri").asText());
        assertEquals("ES256", document.get("id_token_signing_alg_values_supported").get(0).asText());
        assertEquals("public, max-age=300", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void aConfiguredIssuerWins() throws Exception {
        APIGatewayV2HTTPResponse response = new OpenIdConfigurationHandler(EnvironmentWiring.fromEnvironment(Map.of("TOKEN_ISSUER", "https://auth.example.com")))
                .handleRequest(HttpApiEvent.get("/.well-known/openid-configuration").build(), null);
        assertEquals("https://auth.example.com", Json.parse(response.getBody()).get("issuer").asText());
    }
}
