package dev.accounts.core.account;

import dev.accounts.core.contract.Errors;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.LoginAttemptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failures in a row a username is locked for
 * {@link #FIRST_LOCK}, doubling with each further failure up to {@link #MAX_LOCK}. Unknown usernames are
 * counted the same way, so a lockout says nothing about which accounts exist.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** A run of failures is forgotten after a day without another one. */
    static final Duration MEMORY = Duration.ofDays(1);

    private final LoginAttemptStore attempts;
    private final Clock clock;

    public LoginThrottle(LoginAttemptStore attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Refuses with 429 and Retry-After while the username is locked; else the failures so far. */
    public LoginAttemptStore.Attempts checkAllowed(String usernameKey) {
        Instant now = clock.instant();
        LoginAttemptStore.Attempts current = attempts.current(usernameKey);
        if (current.lockedUntil().isAfter(now)) {
            long millis = Duration.between(now, current.lockedUntil()).toMillis();
            throw Errors.throttled(Math.max(1, (millis + 999) / 1000));
        }
        return current;
    }

    public void recordFailure(String usernameKey) {
        Instant now = clock.instant();
        long failures = attempts.recordFailure(usernameKey, now.plus(MEMORY));
        if (failures >= FREE_FAILURES) {
            attempts.lockUntil(usernameKey, now.plus(lockFor(failures)));
            Metrics.count(Metrics.Count.LOCKOUTS);
        }
    }

    /** A success ends the run of failures; most logins have none, and cost no write. */
    public void recordSuccess(String usernameKey, LoginAttemptStore.Attempts before) {
        if (before.failures() > 0) {
            attempts.reset(usernameKey);
        }
    }

    static Duration lockFor(long failures) {
        long doublings = Math.min(failures - FREE_FAILURES, 30);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }
}
