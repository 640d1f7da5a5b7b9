package dev.accounts.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets e-mailed to users (reset tokens, verification keys): 256 bits from a CSPRNG, stored only as a
 * SHA-256 digest. A fast digest is enough here, unlike for passwords: nobody can guess 256 random bits.
 */
public final class OneTimeSecrets {
    private static final int BYTES = 32;

    private OneTimeSecrets() {}

    /**
     * A new secret, URL-safe. A generator is made per call, never kept in a field: a SnapStart snapshot would clone a
     * kept one's state into every restored environment (NativePRNG also mixes in fresh bytes from the OS).
     */
    public static String newSecret() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored and looked up in place of the secret. */
    public static String digest(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A secret as this service makes them could be this long at most; anything longer is not one of ours. */
    public static boolean plausible(String candidate) {
        return candidate.length() <= 2 * BYTES;
    }
}
