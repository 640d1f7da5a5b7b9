package dev.accounts.core.store.dynamo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item key of a username's failed-login counter: LOGIN# and an HMAC-SHA256 of the username key under a
 * secret of the stack. Of fixed length whatever was sent (partition keys hold 2 KiB, a body 16), and a password
 * mistyped into the username field cannot be recovered from the table or its backups by trying a dictionary,
 * as an unkeyed digest could. One function for every store that touches the counter (login, password reset).
 */
public final class LoginAttemptKeys {
    private static final String PREFIX = "LOGIN#";
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<byte[]> secret;

    /** {@code secret}: read on each use, so a key set refreshed from Secrets Manager is followed. */
    public LoginAttemptKeys(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    Map<String, AttributeValue> key(String usernameKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.get(), ALGORITHM));
            byte[] tag = mac.doFinal(usernameKey.getBytes(StandardCharsets.UTF_8));
            return Map.of("pk", AttributeValue.fromS(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(tag)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HMAC-SHA256", e);
        }
    }
}
