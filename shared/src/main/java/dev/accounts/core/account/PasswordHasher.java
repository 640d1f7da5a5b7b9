package dev.accounts.core.account;

/** Turns passwords into stored hashes and checks them; the one implementation is {@link Argon2PasswordHasher}. */
public interface PasswordHasher {
    String hash(String password);

    /** True when `password` matches `storedHash`; false for a wrong password or an unknown hash format. */
    boolean verify(String password, String storedHash);

    /** Spends the same work as a real check, for logins of unknown users, so timing reveals nothing. */
    void verifyAgainstDummy(String password);
}
