package dev.accounts.core.store;

import dev.accounts.core.account.User;
import java.time.Instant;

/** Password reset tokens, one live token per account, kept only as a hash and spent by a conditional write. */
public interface PasswordResetStore {
    /** Keeps `tokenHash` as the account's one live reset token until `expiresAt`: an older one stops working. */
    void replaceToken(String userId, String tokenHash, Instant expiresAt);

    /**
     * In one transaction: spends the token (only if it is the account's live token and unexpired at `now`), sets
     * `newHash`, ends every session at `now` and clears the account's login lockout. Of two concurrent resets with
     * one token exactly one succeeds. False when the token is wrong, used, replaced or expired, or the account gone.
     */
    boolean resetPassword(User user, String tokenHash, String newHash, Instant now);
}
