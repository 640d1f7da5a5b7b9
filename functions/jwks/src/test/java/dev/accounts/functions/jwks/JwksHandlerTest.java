package dev.accounts.functions.jwks;

import dev.accounts.core.wiring.EnvironmentWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.json.Json;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenType;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwksHandlerTest {
    private final TestStack stack = TestStack.create();

    @Test
    void publishesThePublicKeysWithCaching() throws Exception {
        APIGatewayV2HTTPResponse response = new JwksHandler(EnvironmentWiring.fromEnvironment(stack.env())).handleRequest(
                HttpApiEvent.get("/.well-known/jwks.json").build(), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("public, max-age=300", response.getHeaders().get("Cache-Control"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode key = Json.parse(response.getBody()).get("keys").get(0);
        assertEquals(stack.keys().currentKid(), key.get("kid").asText());
        assertEquals("EC", key.get("kty").asText());
        assertEquals("P-256", key.get("crv").asText());
        assertEquals("sig", key.get("use").asText());
        assertEquals("ES256", key.get("alg").asText());
        assertFalse(key.has("d"), "the private key must never be published");
    }

    /** The documented rotation: add a key, make it current, retire the old one after the refresh lifetime. */
    @Test
    void rotationKeepsOldTokensValidAndPublishesBothKeys() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        var services = stack.servicesReadingSecret(clock);
        TokenService tokens = services.tokens();
        JwksHandler jwks = new JwksHandler(services);
        String issuer = "https://api.example.com";
        String oldKid = stack.keys().currentKid();
        // A refresh token: it lives a day, so it outlives the minutes a rotation takes.
        String beforeRotation = tokens.issue("user-1", "fam", issuer).refresh();

        SigningKeySet added = stack.keys().withAddedKey();
        String next = added.newestKid();
        stack.storeKeys(added);
        clock.advance(Duration.ofMinutes(6)); // past the functions' cache age
        assertEquals(Set.of(oldKid, next), kids(jwks));
        assertEquals(oldKid, kidOf(tokens.issue("user-1", "fam", issuer).access()), "step 1 adds, it does not sign");

        stack.storeKeys(added.withCurrent(next));
        clock.advance(Duration.ofMinutes(6));
        String afterRotation = tokens.issue("user-1", "fam", issuer).refresh();
        assertEquals(next, kidOf(afterRotation));
        assertEquals("user-1", tokens.verify(beforeRotation, TokenType.REFRESH, issuer).userId(),
                "a token signed before the rotation stays valid until it expires");

        stack.storeKeys(added.withCurrent(next).without(oldKid));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Set.of(next), kids(jwks));
        assertEquals("user-1", tokens.verify(afterRotation, TokenType.REFRESH, issuer).userId());
    }

    private static Set<String> kids(JwksHandler jwks) throws Exception {
        Set<String> kids = new HashSet<>();
        Json.parse(jwks.handleRequest(HttpApiEvent.get("/.well-known/jwks.json").build(), null).getBody())
                .get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    private static String kidOf(String token) throws Exception {
        return Json.parse(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]))).get("kid").asText();
    }
}
