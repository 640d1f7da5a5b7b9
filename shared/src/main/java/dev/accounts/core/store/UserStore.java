package dev.accounts.core.store;

import dev.accounts.core.account.User;
import java.time.Instant;
import java.util.Optional;

/** Where accounts live. Uniqueness of usernames and atomic deletion are the store's promises. */
public interface UserStore {
    /** Writes the user and claims its username key in one step; nothing is written when the name is taken. */
    void create(User user) throws UsernameTakenException;

    Optional<User> findById(String id);

    Optional<User> findByUsernameKey(String usernameKey);

    boolean usernameKeyTaken(String usernameKey);

    /**
     * Removes the user and frees the username, and records that every refresh token of the user is revoked
     * until `revokeUntil`, all in one transaction. False when the user was already gone.
     */
    boolean deleteRevokingTokens(User user, Instant revokeUntil);

    /** Replaces the stored hash, only if it is still `expectedOldHash` (a concurrent change wins). */
    void replacePasswordHash(User user, String expectedOldHash);

    final class UsernameTakenException extends Exception {
        public UsernameTakenException() {
            super("username taken", null, false, false);
        }
    }
}
