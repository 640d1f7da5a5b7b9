package dev.accounts.core.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's default hash, `pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte key>`, kept by users migrated
 * from Django until their first login replaces it. Django feeds the salt to PBKDF2 as its UTF-8 text (it is not
 * encoded) and the password as UTF-8, which is what the JDK's PBKDF2 does with a char[] password.
 */
public final class DjangoPbkdf2Hashes {
    public static final String PREFIX = "pbkdf2_sha256$";
    /** Far above Django's defaults (1,200,000 in 6.0): bounds the work one login can be made to do. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int KEY_BYTES = 32;
    /** As Django writes it: decimal iterations, a salt without "$", the key in padded standard base64. */
    private static final Pattern FORMAT = Pattern.compile("pbkdf2_sha256\\$([1-9][0-9]{0,7})\\$([^$]+)\\$([A-Za-z0-9+/]{43}=)");

    private DjangoPbkdf2Hashes() {}

    /** Whether the stored hash claims to be Django's pbkdf2_sha256 (well-formed or not). */
    public static boolean isPbkdf2Sha256(String storedHash) {
        return storedHash != null && storedHash.startsWith(PREFIX);
    }

    /** Whether a password could ever match: the four parts present, iterations in range, a 32-byte key. */
    public static boolean isWellFormed(String storedHash) {
        return parse(storedHash) != null;
    }

    /** False for a wrong password and for any malformed hash; never throws. */
    public static boolean verify(String password, String storedHash) {
        Parsed parsed = parse(storedHash);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] derived;
        try {
            derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), parsed.salt(), parsed.iterations(),
                            KEY_BYTES * 8))
                    .getEncoded();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(derived, parsed.key());
    }

    private static Parsed parse(String storedHash) {
        if (storedHash == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(storedHash);
        if (!m.matches()) {
            return null;
        }
        int iterations = Integer.parseInt(m.group(1));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(m.group(3));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (iterations > MAX_ITERATIONS) {
            return null;
        }
        return new Parsed(iterations, m.group(2).getBytes(StandardCharsets.UTF_8), key);
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {}
}
