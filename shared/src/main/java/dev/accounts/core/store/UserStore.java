package dev.accounts.core.store;

import dev.accounts.core.account.User;
import java.time.Instant;
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

    /** SnapStart priming: a read of a user no one has, and the mapping a found user goes through. */
    default void primeReads() {
        // a store that keeps nothing remote has nothing to warm
    }

    /** SnapStart priming: the deletion transaction for a user no one has, which DynamoDB cancels whole. */
    default void primeDelete(Instant revokeUntil) {
        // a store that keeps nothing remote has nothing to warm
    }

    /** SnapStart priming: the sign-up transaction, sent under a condition no item meets, so nothing is written. */
    default void primeCreate() {
        // a store that keeps nothing remote has nothing to warm
    }

    /** Replaces the stored hash, only if it is still `expectedOldHash` (a concurrent change wins). */
    void replacePasswordHash(User user, String expectedOldHash);

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
