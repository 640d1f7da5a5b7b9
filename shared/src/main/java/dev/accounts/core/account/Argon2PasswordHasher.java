package dev.accounts.core.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.regex.Pattern;

/**
 * Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1), 16-byte random salt, 32-byte output, stored in the PHC
 * string format ($argon2id$v=19$m=19456,t=2,p=1$salt$hash) so the parameters travel with each hash.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int OUTPUT_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final String CURRENT_PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p="
            + PARALLELISM + "$";
    private static final String DJANGO_ARGON2_PREFIX = "argon2$argon2";
    private static final Pattern WELL_FORMED_PHC = Pattern.compile(
            "\\$argon2(id|i|d)\\$v=[0-9]+\\$m=[0-9]+,t=[0-9]+,p=[0-9]+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");

    private final Argon2Function function = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM,
            OUTPUT_BYTES, Argon2.ID);
    /** Computed once, lazily; its password is irrelevant, only the work of checking against it matters. */
    private volatile String dummyHash;

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** Also checks the hashes of users migrated from Django: pbkdf2_sha256 and Django's argon2. */
    @Override
    public boolean verify(String password, String storedHash) {
        if (DjangoPbkdf2Hashes.isPbkdf2Sha256(storedHash)) {
            return DjangoPbkdf2Hashes.verify(password, storedHash);
        }
        String phc = phcString(storedHash);
        if (phc == null) {
            return false;
        }
        try {
            return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Anything but Argon2id at this class's cost is replaced at the next successful login. */
    @Override
    public boolean needsUpgrade(String storedHash) {
        return storedHash == null || !storedHash.startsWith(CURRENT_PREFIX);
    }

    /** Whether {@link #verify} can ever accept a password for this hash: a known format, well-formed. */
    public boolean canVerify(String storedHash) {
        if (DjangoPbkdf2Hashes.isPbkdf2Sha256(storedHash)) {
            return DjangoPbkdf2Hashes.isWellFormed(storedHash);
        }
        String phc = phcString(storedHash);
        if (phc == null || !WELL_FORMED_PHC.matcher(phc).matches()) {
            return false;
        }
        try {
            Argon2Function.getInstanceFromHash(phc);
            return true;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Ours as stored; Django's argon2 is the same PHC string behind its algorithm name ("argon2$argon2id$..."). */
    private static String phcString(String storedHash) {
        if (storedHash == null) {
            return null;
        }
        String phc = storedHash.startsWith(DJANGO_ARGON2_PREFIX) ? storedHash.substring("argon2".length()) : storedHash;
        return phc.startsWith("$argon2") ? phc : null;
    }

    @Override
    public void verifyAgainstDummy(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("dummy password for unknown users");
            dummyHash = dummy;
        }
        verify(password, dummy);
    }
}
