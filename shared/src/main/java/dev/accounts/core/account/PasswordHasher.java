package dev.accounts.core.account;

/** Turns passwords into stored hashes and checks them; the one implementation is {@link Argon2PasswordHasher}. */
public interface PasswordHasher {
    String hash(String password);

    /** True when `password` matches `storedHash`; false for a wrong password or an unknown hash format. */
    boolean verify(String password, String storedHash);

    /** Spends the same work as a real check, for logins of unknown users, so timing reveals nothing. */
    void verifyAgainstDummy(String password);

    /**
     * True when a hash that just verified should be replaced by {@link #hash} of the same password: another
     * scheme (a Django import) or weaker settings. A hasher without a preferred format never asks.
     */
    default boolean needsUpgrade(String storedHash) {
        return false;
    }
}
