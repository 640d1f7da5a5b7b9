package dev.accounts.core.store;

import java.time.Instant;

/** E-mail verification keys, kept only as a hash, each for one account and one address, spent once. */
public interface EmailVerificationStore {
    /** Keeps a key (by its hash) that verifies `email` on the account until `expiresAt`. */
    void putKey(String keyHash, String userId, String email, Instant expiresAt);

    /**
     * Spends the key and marks its address verified, in one transaction, if the account still has that address
     * and the key is unused and unexpired at `now`. False otherwise (a wrong, used or expired key: 404).
     */
    boolean verify(String keyHash, Instant now);
}
