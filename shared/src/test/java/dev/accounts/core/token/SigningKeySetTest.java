package dev.accounts.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeySetTest {
    @Test
    void roundTripsThroughTheSecretFormat() {
        SigningKeySet original = SigningKeySet.generate("k1").withNewCurrentKey("k2");
        SigningKeySet read = SigningKeySet.fromSecretJson(original.toSecretJson());
        assertEquals("k2", read.currentKid());
        assertEquals(original.publicKey("k1"), read.publicKey("k1"));
        assertEquals(original.publicKey("k2"), read.publicKey("k2"));
    }

    @Test
    void publishesOnlyPublicHalves() {
        var jwks = SigningKeySet.generate("k1").withNewCurrentKey("k2").publicJwks();
        assertEquals(2, jwks.size());
        for (Map<String, Object> jwk : jwks) {
            assertFalse(jwk.containsKey("d"), "private part published: " + jwk);
            assertEquals("EC", jwk.get("kty"));
            assertEquals("P-256", jwk.get("crv"));
            assertEquals("sig", jwk.get("use"));
            assertEquals("ES256", jwk.get("alg"));
            assertTrue(jwk.containsKey("x") && jwk.containsKey("y") && jwk.containsKey("kid"));
        }
    }

    @Test
    void thePublicSetKeepsTheKidsAndPublicKeysAndNothingPrivate() {
        SigningKeySet full = SigningKeySet.generate("k1").withNewCurrentKey("k2");
        String stored = full.publicSet().toSecretJson();

        SigningKeySet read = SigningKeySet.fromSecretJson(stored);
        assertFalse(stored.contains("\"d\""), "a private part in the public set: " + stored);
        assertFalse(read.canSign());
        assertEquals("k2", read.currentKid());
        assertEquals(full.kids(), read.kids());
        assertEquals(full.publicKey("k1"), read.publicKey("k1"));
        assertEquals(full.publicJwks(), read.publicJwks(), "jwks.json is the same from either set");
        assertThrows(IllegalStateException.class, read::currentPrivateKey);
        assertThrows(IllegalStateException.class, () -> read.withAddedKey("k3"));
    }

    @Test
    void aSetMixingPrivateAndPublicKeysIsRefused() throws Exception {
        var mixed = (com.fasterxml.jackson.databind.node.ObjectNode) dev.accounts.core.json.Json.parse(
                SigningKeySet.generate("k1").toSecretJson());
        var publicKey = dev.accounts.core.json.Json.parse(SigningKeySet.generate("k2").publicSet().toSecretJson())
                .path("keys").path(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) mixed.path("keys")).add(publicKey);
        assertThrows(IllegalArgumentException.class, () -> SigningKeySet.fromSecretJson(mixed.toString()));
    }

    @Test
    void theCurrentKeyCannotBeRetired() {
        SigningKeySet set = SigningKeySet.generate("k1").withNewCurrentKey("k2");
        assertThrows(IllegalArgumentException.class, () -> set.without("k2"));
        assertTrue(set.without("k1").publicKey("k1").isEmpty());
    }
}
