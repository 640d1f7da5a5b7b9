package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ways an attacker makes a token the service never issued (or no longer honours) out of one it did: each
 * takes a genuine token and returns the forgery, keeping every claim but the one it attacks.
 */
enum Forgery {
    ALG_NONE("alg none, signature dropped") {
        @Override
        String forge(Genuine genuine) {
            return Jwt.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + genuine.claimsPart() + ".";
        }
    },
    HS256_KEYED_WITH_THE_PUBLIC_KEY("HS256, the HMAC keyed with the public key's DER bytes") {
        @Override
        String forge(Genuine genuine) {
            return hs256(genuine, genuine.publicKey().getEncoded());
        }
    },
    HS256_KEYED_WITH_THE_PUBLIC_KEY_PEM("HS256, the HMAC keyed with the public key's PEM text") {
        @Override
        String forge(Genuine genuine) {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(genuine.publicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return hs256(genuine, pem.getBytes(StandardCharsets.US_ASCII));
        }
    },
    UNKNOWN_KID("ES256 by the attacker's own key, under a kid the service does not have") {
        @Override
        String forge(Genuine genuine) {
            return es256(genuine, "attacker-key");
        }
    },
    ANOTHER_KEY_UNDER_THE_KNOWN_KID("ES256 by the attacker's own key, under the service's kid") {
        @Override
        String forge(Genuine genuine) {
            return es256(genuine, genuine.kid());
        }
    },
    TAMPERED_USER("user_id and sub changed to another account, signature kept") {
        @Override
        String forge(Genuine genuine) {
            ObjectNode claims = genuine.claims().put("user_id", genuine.victimId()).put("sub", genuine.victimId());
            return Jwt.withClaims(genuine.token(), claims.toString());
        }
    },
    TAMPERED_EXPIRY("exp pushed a year out, signature kept") {
        @Override
        String forge(Genuine genuine) {
            ObjectNode claims = genuine.claims();
            claims.put("exp", claims.path("exp").asLong() + Duration.ofDays(365).toSeconds());
            return Jwt.withClaims(genuine.token(), claims.toString());
        }
    },
    TAMPERED_TYPE("token_type swapped, signature kept") {
        @Override
        String forge(Genuine genuine) {
            ObjectNode claims = genuine.claims();
            claims.put("token_type", "access".equals(claims.path("token_type").asText()) ? "refresh" : "access");
            return Jwt.withClaims(genuine.token(), claims.toString());
        }
    },
    EXPIRED("genuine, presented after its expiry") {
        @Override
        String forge(Genuine genuine) {
            long secondsLeft = genuine.claims().path("exp").asLong() - genuine.clock().instant().getEpochSecond();
            genuine.clock().advance(Duration.ofSeconds(secondsLeft + 1));
            return genuine.token();
        }

        @Override
        boolean leavesTheGenuineTokenValid() {
            return false;
        }
    };

    /** A token the service issued, and what an attacker may know besides: the published key, another user's id. */
    record Genuine(String token, PublicKey publicKey, String victimId, MutableClock clock) {

        String kid() {
            return Jwt.header(token).path("kid").asText();
        }

        /** A fresh, modifiable copy of the claims. */
        ObjectNode claims() {
            return (ObjectNode) Jwt.claims(token).deepCopy();
        }

        String claimsPart() {
            return token.split("\\.")[1];
        }
    }

    private final String description;

    Forgery(String description) {
        this.description = description;
    }

    abstract String forge(Genuine genuine);

    /** Whether the token the forgery was made from still works afterwards (it does, unless time itself is the attack). */
    boolean leavesTheGenuineTokenValid() {
        return true;
    }

    @Override
    public String toString() {
        return description;
    }

    private static String hs256(Genuine genuine, byte[] key) {
        String signingInput = Jwt.encode("{\"alg\":\"HS256\",\"kid\":\"" + genuine.kid() + "\",\"typ\":\"JWT\"}")
                + "." + genuine.claimsPart();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signingInput + "." + base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correct ES256 JWS (R || S signature, RFC 7518 §3.4), made with a key the service never had. */
    private static String es256(Genuine genuine, String kid) {
        String signingInput = Jwt.encode("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}")
                + "." + genuine.claimsPart();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            PrivateKey attackersKey = generator.generateKeyPair().getPrivate();
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(attackersKey);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
