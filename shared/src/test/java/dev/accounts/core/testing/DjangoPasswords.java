package dev.accounts.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes as Django's PBKDF2PasswordHasher.encode makes them, written from Django's algorithm rather than from
 * our verifier: PBKDF2-HMAC-SHA256 over the UTF-8 password with the salt's UTF-8 text, a 32-byte key,
 * `pbkdf2_sha256$<iterations>$<salt>$<standard base64 of the key>`.
 */
public final class DjangoPasswords {
    /** Low enough for fast tests; Django itself uses 600,000 (4.2) to 1,200,000 (6.0). */
    public static final int TEST_ITERATIONS = 20_000;
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DjangoPasswords() {}

    /** A fresh hash with a random 22-character salt, as Django's `make_password(password)` does. */
    public static String pbkdf2Sha256(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            salt.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        }
        return pbkdf2Sha256(password, salt.toString(), TEST_ITERATIONS);
    }

    public static String pbkdf2Sha256(String password, String salt, int iterations) {
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                            iterations, 256))
                    .getEncoded();
            return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
