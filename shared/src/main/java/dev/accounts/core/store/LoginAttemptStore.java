package dev.accounts.core.store;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Failed-login counters per username key, for the lockout; unknown names are counted like real ones. An attempt
 * is counted before its password is checked ({@link #reserve}), so parallel attempts cannot all slip in while the
 * name is still unlocked.
 */
public interface LoginAttemptStore {
    /** The attempts counted so far (those in flight included) and the lock; {@link #NONE} when forgotten. */
    record Attempts(long failures, Instant lockedUntil) {
        public static final Attempts NONE = new Attempts(0, Instant.EPOCH);
    }

    Attempts current(String usernameKey);

    /**
     * Counts one more attempt if the counter still stands at {@code seen} (one conditional write): the count
     * becomes seen + 1, the lock {@code lockUntil} (none when null), forgotten after {@code forgetAt}. False, and
     * nothing written, when another attempt changed the counter first.
     */
    boolean reserve(String usernameKey, Attempts seen, Instant lockUntil, Instant forgetAt);

    /**
     * Counts one more attempt on a live counter that stands below {@code ceiling} (one atomic increment, so
     * parallel attempts do not make each other lose, as they do with {@link #reserve}): the new count; empty, and
     * nothing written, when there is no live counter or it has reached the ceiling. Never sets a lock: the caller
     * picks a ceiling below the count that locks.
     */
    OptionalLong increment(String usernameKey, long ceiling, Instant forgetAt);

    void reset(String usernameKey);
}
