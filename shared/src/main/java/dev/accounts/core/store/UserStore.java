package dev.accounts.core.store;

import dev.accounts.core.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where accounts live. Uniqueness of usernames and atomic deletion are the store's promises. */
public interface UserStore {
    /**
     * Writes the user and claims its username key in one step; nothing is written when the name is taken, or
     * ({@link AccountDeletedException}) when an account with this id existed and was deleted.
     */
    void create(User user) throws UsernameTakenException;

    /** Whether an account with this id was deleted: its id is retired for good. */
    boolean wasDeleted(String id);

    Optional<User> findById(String id);

    Optional<User> findByUsernameKey(String usernameKey);

    boolean usernameKeyTaken(String usernameKey);

    /**
     * Removes the user, retires its id, frees the username, and records that every refresh token of the user is
     * revoked until `revokeUntil`, all in one transaction. False when the user was already gone.
     */
    boolean deleteRevokingTokens(User user, Instant revokeUntil);

    /** Replaces the stored hash, only if it is still `expectedOldHash` (a concurrent change wins). */
    void replacePasswordHash(User user, String expectedOldHash);

    /**
     * Sets a new password hash and ends every session at `sessionsEndedAt`, only if the stored hash is still
     * `expectedOldHash` (the one just verified); false when it is not, or the account is gone.
     */
    boolean changePassword(User user, String expectedOldHash, String newHash, Instant sessionsEndedAt);

    /** Records that the user signed out everywhere at `at`; false when the account is gone. */
    boolean endSessions(String userId, Instant at);

    /** Writes the address, its verified flag and the names of `updated`; false when the account is gone. */
    boolean updateProfile(User updated);

    /** Every account with this address (compared as {@code EmailKeys.of}), read as it is now; no Scan. */
    List<User> findByEmail(String emailKey);

    /** Unchecked: only ids derived from another system's (the Django import's pks) can meet a deleted one. */
    final class AccountDeletedException extends RuntimeException {
        public AccountDeletedException() {
            super("account deleted: its id is retired", null, false, false);
        }
    }

    final class UsernameTakenException extends Exception {
        public UsernameTakenException() {
            super("username taken", null, false, false);
        }
    }
}
