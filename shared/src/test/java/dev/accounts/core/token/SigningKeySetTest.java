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
    void theCurrentKeyCannotBeRetired() {
        SigningKeySet set = SigningKeySet.generate("k1").withNewCurrentKey("k2");
        assertThrows(IllegalArgumentException.class, () -> set.without("k2"));
        assertTrue(set.without("k1").publicKey("k1").isEmpty());
    }
}
