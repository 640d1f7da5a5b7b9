package dev.accounts.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.testing.Jwt;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeySetTest {
    @Test
    void roundTripsThroughTheSecretFormat() {
        SigningKeySet first = SigningKeySet.generate();
        SigningKeySet original = first.withNewCurrentKey();
        SigningKeySet read = SigningKeySet.fromSecretJson(original.toSecretJson());
        assertEquals(original.newestKid(), read.currentKid());
        assertEquals(original.publicKey(first.currentKid()), read.publicKey(first.currentKid()));
        assertEquals(original.publicKey(original.currentKid()), read.publicKey(original.currentKid()));
    }

    /** The failed-login counters' key survives every step of a rotation and the trip through the secret. */
    @Test
    void theLoginKeyIsKeptThroughRotationAndTheSecret() {
        SigningKeySet first = SigningKeySet.generate();
        SigningKeySet rotated = SigningKeySet.fromSecretJson(first.withNewCurrentKey().toSecretJson())
                .without(first.currentKid());
        assertEquals(32, first.loginKey().length);
        assertTrue(java.util.Arrays.equals(first.loginKey(), rotated.loginKey()));
        assertFalse(java.util.Arrays.equals(first.loginKey(), SigningKeySet.generate().loginKey()));
        assertFalse(first.publicJwks().toString().contains(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(first.loginKey())), "the login key is never published");
    }

    @Test
    void publishesOnlyPublicHalves() {
        var jwks = SigningKeySet.generate().withNewCurrentKey().publicJwks();
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
        SigningKeySet first = SigningKeySet.generate();
        SigningKeySet full = first.withNewCurrentKey();
        String stored = full.publicSet().toSecretJson();

        SigningKeySet read = SigningKeySet.fromSecretJson(stored);
        assertFalse(stored.contains("\"d\""), "a private part in the public set: " + stored);
        assertFalse(read.canSign());
        assertEquals(full.currentKid(), read.currentKid());
        assertEquals(full.kids(), read.kids());
        assertEquals(full.publicKey(first.currentKid()), read.publicKey(first.currentKid()));
        assertEquals(full.publicJwks(), read.publicJwks(), "jwks.json is the same from either set");
        assertThrows(IllegalStateException.class, read::currentPrivateKey);
        assertThrows(IllegalStateException.class, read::withAddedKey);
    }

    @Test
    void aSetMixingPrivateAndPublicKeysIsRefused() throws Exception {
        var mixed = (com.fasterxml.jackson.databind.node.ObjectNode) dev.accounts.core.json.Json.parse(
                SigningKeySet.generate().toSecretJson());
        var publicKey = dev.accounts.core.json.Json.parse(SigningKeySet.generate().publicSet().toSecretJson())
                .path("keys").path(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) mixed.path("keys")).add(publicKey);
        assertThrows(IllegalArgumentException.class, () -> SigningKeySet.fromSecretJson(mixed.toString()));
    }

    @Test
    void theCurrentKeyCannotBeRetired() {
        SigningKeySet first = SigningKeySet.generate();
        SigningKeySet set = first.withNewCurrentKey();
        assertThrows(IllegalArgumentException.class, () -> set.without(set.currentKid()));
        assertTrue(set.without(first.currentKid()).publicKey(first.currentKid()).isEmpty());
    }

    /** The kid a new key gets is its RFC 7638 thumbprint, computed here independently, as the template names keys. */
    @Test
    void aNewKeysKidIsItsRfc7638Thumbprint() {
        SigningKeySet set = SigningKeySet.generate();
        Map<String, Object> jwk = set.publicJwks().get(0);
        String thumbprint = Jwt.rfc7638Thumbprint(jwk);
        assertEquals(thumbprint, set.currentKid());
        assertEquals(thumbprint, jwk.get("kid"));
        SigningKeySet rotated = set.withAddedKey();
        assertEquals(2, rotated.kids().size());
        assertFalse(rotated.newestKid().equals(set.currentKid()));
    }
}
