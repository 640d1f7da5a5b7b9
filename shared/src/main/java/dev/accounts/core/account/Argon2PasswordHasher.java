package dev.accounts.core.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

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

    private final Argon2Function function = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM,
            OUTPUT_BYTES, Argon2.ID);
    /** Computed once, lazily; its password is irrelevant, only the work of checking against it matters. */
    private volatile String dummyHash;

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    @Override
    public boolean verify(String password, String storedHash) {
        if (storedHash == null || !storedHash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
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
