package dev.accounts.core.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.json.Json;
import io.jsonwebtoken.security.EcPrivateJwk;
import io.jsonwebtoken.security.EcPublicJwk;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys: one current key that signs, and every key whose tokens may still be alive, which verify.
 * Stored as JSON in Secrets Manager: {"current": kid, "keys": [private EC JWKs with kid]}. A new key's kid is
 * its RFC 7638 thumbprint (SHA-256, base64url), as the template's key-set generator names the first key: a kid
 * that names the key and reveals nothing. Sets read from a secret keep whatever kids they were stored with.
 * Functions that only verify read the public set instead, the same JSON with public JWKs ({@link #publicSet()}):
 * it cannot sign. The secret also holds {@code login_key}: 32 random bytes (base64url) that key the failed-login
 * counters, kept through every rotation (a new key would forget every lockout); the public set never has it.
 */
public final class SigningKeySet {
    private static final int LOGIN_KEY_BYTES = 32;
    private static final String LOGIN_KEY_FIELD = "login_key";

    private final String currentKid;
    private final Map<String, EcPrivateJwk> keys;
    private final Map<String, EcPublicJwk> publicKeys;
    private final byte[] loginKey;

    private SigningKeySet(String currentKid, Map<String, EcPrivateJwk> keys, byte[] loginKey) {
        this(currentKid, keys, publicHalves(keys), loginKey);
    }

    private SigningKeySet(String currentKid, Map<String, EcPrivateJwk> keys, Map<String, EcPublicJwk> publicKeys,
                          byte[] loginKey) {
        if (!publicKeys.containsKey(currentKid)) {
            throw new IllegalArgumentException("the current key " + currentKid + " is not in the key set");
        }
        this.currentKid = currentKid;
        this.keys = Collections.unmodifiableMap(keys);
        this.publicKeys = Collections.unmodifiableMap(publicKeys);
        this.loginKey = loginKey;
    }

    private static Map<String, EcPublicJwk> publicHalves(Map<String, EcPrivateJwk> keys) {
        Map<String, EcPublicJwk> halves = new LinkedHashMap<>();
        keys.forEach((kid, jwk) -> halves.put(kid, jwk.toPublicJwk()));
        return halves;
    }

    /** The same kids and current key, public halves only: what the functions that only verify may read. */
    public SigningKeySet publicSet() {
        return new SigningKeySet(currentKid, Map.of(), new LinkedHashMap<>(publicKeys), null);
    }

    /** False for a {@link #publicSet()}: it verifies, it cannot sign. */
    public boolean canSign() {
        return !keys.isEmpty();
    }

    /** A one-key set with a fresh P-256 key pair that signs, and a fresh login key: for local runs and tests. */
    public static SigningKeySet generate() {
        EcPrivateJwk key = newKey();
        Map<String, EcPrivateJwk> keys = new LinkedHashMap<>();
        keys.put(key.getId(), key);
        byte[] loginKey = new byte[LOGIN_KEY_BYTES];
        new SecureRandom().nextBytes(loginKey);
        return new SigningKeySet(key.getId(), keys, loginKey);
    }

    /**
     * The key of the failed-login counters' HMAC. A secret written before it existed has none until the key-set
     * generator's next run adds one; meanwhile it is derived from the oldest key's private scalar, which every
     * environment holds and which no one outside the secret's readers can compute.
     */
    public byte[] loginKey() {
        if (loginKey != null) {
            return loginKey.clone();
        }
        requirePrivate();
        try {
            byte[] d = keys.values().iterator().next().toKeyPair().getPrivate().getEncoded();
            return MessageDigest.getInstance("SHA-256").digest(d);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The same set plus a new key that verifies but does not sign yet: step one of a rotation, so that every
     * function knows the key before any token carries its kid. The new kid is the one {@link #kids()} lists last.
     */
    public SigningKeySet withAddedKey() {
        requirePrivate();
        EcPrivateJwk key = newKey();
        Map<String, EcPrivateJwk> next = new LinkedHashMap<>(keys);
        next.put(key.getId(), key);
        return new SigningKeySet(currentKid, next, loginKey);
    }

    /** The kid of the key added last (the newest key of a rotation). */
    public String newestKid() {
        String newest = null;
        for (String kid : keys.keySet()) {
            newest = kid;
        }
        return newest;
    }

    /** The same keys with `kid` signing from now on: step two of a rotation. */
    public SigningKeySet withCurrent(String kid) {
        requirePrivate();
        return new SigningKeySet(kid, new LinkedHashMap<>(keys), loginKey);
    }

    /** Adds a key and makes it current at once: for fresh stacks, where no function caches the set. */
    public SigningKeySet withNewCurrentKey() {
        SigningKeySet added = withAddedKey();
        return added.withCurrent(added.newestKid());
    }

    public java.util.Set<String> kids() {
        return publicKeys.keySet();
    }

    /** The same set without a retired key (never the current one). */
    public SigningKeySet without(String kid) {
        requirePrivate();
        if (kid.equals(currentKid)) {
            throw new IllegalArgumentException("the current key cannot be retired; make another key current first");
        }
        Map<String, EcPrivateJwk> next = new LinkedHashMap<>(keys);
        next.remove(kid);
        return new SigningKeySet(currentKid, next, loginKey);
    }

    /** A private set, or a public one (every key public): never a mix, which would be a mistake in the secret. */
    public static SigningKeySet fromSecretJson(String json) {
        try {
            JsonNode root = Json.parse(json);
            String current = root.path("current").asText("");
            Map<String, EcPrivateJwk> keys = new LinkedHashMap<>();
            Map<String, EcPublicJwk> publicKeys = new LinkedHashMap<>();
            for (JsonNode keyNode : root.path("keys")) {
                Jwk<?> jwk = Jwks.parser().build().parse(Json.write(keyNode));
                if (jwk.getId() == null) {
                    throw new IllegalArgumentException("every key must have a kid");
                }
                switch (jwk) {
                    case EcPrivateJwk ec -> keys.put(ec.getId(), ec);
                    case EcPublicJwk ec -> publicKeys.put(ec.getId(), ec);
                    default -> throw new IllegalArgumentException("every key must be an EC JWK");
                }
            }
            if (!keys.isEmpty() && !publicKeys.isEmpty()) {
                throw new IllegalArgumentException("a key set is all private keys or all public keys");
            }
            JsonNode login = root.path(LOGIN_KEY_FIELD);
            byte[] loginKey = login.isTextual() ? Base64.getUrlDecoder().decode(login.asText()) : null;
            if (loginKey != null && loginKey.length < LOGIN_KEY_BYTES) {
                throw new IllegalArgumentException("the login key must hold at least 32 bytes");
            }
            return publicKeys.isEmpty() ? new SigningKeySet(current, keys, loginKey)
                    : new SigningKeySet(current, keys, publicKeys, null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the signing key secret is not JSON", e);
        }
    }

    public String toSecretJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("current", currentKid);
        ArrayNode array = root.putArray("keys");
        for (Jwk<?> jwk : canSign() ? keys.values() : publicKeys.values()) {
            try {
                array.add(Json.parse(Jwks.UNSAFE_JSON(jwk)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (loginKey != null) {
            root.put(LOGIN_KEY_FIELD, Base64.getUrlEncoder().withoutPadding().encodeToString(loginKey));
        }
        return Json.write(root);
    }

    public String currentKid() {
        return currentKid;
    }

    public PrivateKey currentPrivateKey() {
        requirePrivate();
        return keys.get(currentKid).toKeyPair().getPrivate();
    }

    public Optional<PublicKey> publicKey(String kid) {
        EcPublicJwk jwk = kid == null ? null : publicKeys.get(kid);
        return jwk == null ? Optional.empty() : Optional.of(jwk.toKey());
    }

    /** The public half of every key, as RFC 7517 JWK maps (kty, crv, x, y, kid, use, alg). */
    public java.util.List<Map<String, Object>> publicJwks() {
        return publicKeys.values().stream().map(jwk -> {
            Map<String, Object> pub = new LinkedHashMap<>();
            jwk.forEach((name, value) -> pub.put(name, value));
            pub.put("use", "sig");
            pub.put("alg", TokenService.ALGORITHM_NAME);
            return pub;
        }).toList();
    }

    private void requirePrivate() {
        if (!canSign()) {
            throw new IllegalStateException("a public key set verifies only: it cannot sign or change");
        }
    }

    private static EcPrivateJwk newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return Jwks.builder().ecKeyPair(pair).idFromThumbprint().build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
    }
}
