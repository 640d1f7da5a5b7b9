package dev.accounts.core.testing;

import dev.accounts.core.token.SigningKeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads a JWS compact token's header and claims without verifying it, as a client inspecting a token would. */
public final class Jwt {
    private Jwt() {}

    public static JsonNode header(String token) {
        return part(token, 0);
    }

    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    /** The same token with its claims replaced by `claimsJson` and the original signature kept. */
    /** A fresh key that claims another key's kid: what a forger who knows the kid, not the key, signs with. */
    public static SigningKeySet keyImpersonating(String kid) {
        SigningKeySet fresh = SigningKeySet.generate();
        return SigningKeySet.fromSecretJson(fresh.toSecretJson().replace(fresh.currentKid(), kid));
    }

    /** RFC 7638: SHA-256 of the required members in lexicographic order, no white space, base64url unpadded. */
    public static String rfc7638Thumbprint(java.util.Map<String, Object> ecJwk) {
        String canonical = "{\"crv\":\"" + ecJwk.get("crv") + "\",\"kty\":\"" + ecJwk.get("kty") + "\",\"x\":\""
                + ecJwk.get("x") + "\",\"y\":\"" + ecJwk.get("y") + "\"}";
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String withClaims(String token, String claimsJson) {
        String[] parts = split(token);
        return parts[0] + "." + encode(claimsJson) + "." + parts[2];
    }

    /** The same claims under `alg: none` with no signature: the classic downgrade. */
    public static String withAlgNone(String token) {
        String kid = header(token).path("kid").asText();
        return encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + split(token)[1] + ".";
    }

    /** The same claims signed HS256 with `secret` (say, the public key's bytes): algorithm confusion. */
    public static String resignedHs256(String token, byte[] secret) {
        String kid = header(token).path("kid").asText();
        String signingInput = encode("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + split(token)[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode part(String token, int index) {
        return Responses.parse(new String(Base64.getUrlDecoder().decode(split(token)[index]), StandardCharsets.UTF_8));
    }

    private static String[] split(String token) {
        String[] parts = token.split("\\.", -1);
        assertEquals(3, parts.length, "a JWS compact token has three parts: " + token);
        return parts;
    }
}
