package dev.accounts.core.store;

import java.time.Instant;

/** Failed-login counters per username key, for the lockout; unknown names are counted like real ones. */
public interface LoginAttemptStore {
    record Attempts(long failures, Instant lockedUntil) {
        public static final Attempts NONE = new Attempts(0, Instant.EPOCH);
    }

    Attempts current(String usernameKey);

    /** Adds one failure atomically and returns the new count; the counter is forgotten after `forgetAt`. */
    long recordFailure(String usernameKey, Instant forgetAt);

    void lockUntil(String usernameKey, Instant until);

    void reset(String usernameKey);
}
