package dev.accounts.core.account;

import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.LoginAttemptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failures in a row a username is locked for
 * {@link #FIRST_LOCK}, doubling with each further failure up to {@link #MAX_LOCK}. Unknown usernames are
 * counted the same way, so a lockout says nothing about which accounts exist.
 *
 * <p>Each attempt is counted before its password is checked, by one conditional write: an atomic increment
 * while the count stays below the limit, and from there a compare-and-set on the count it read, in which the
 * attempt that reaches the limit sets the lock. So however many attempts arrive at once, at most
 * {@value #FREE_FAILURES} get a password verdict before the lock; the others, and those that lose a conditional
 * write {@value #TRIES} times in a row (a counter reset or created under them each time), are answered 429
 * without hashing. A right password then clears the count, its own attempt included.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** A run of failures is forgotten after a day without another one. */
    static final Duration MEMORY = Duration.ofDays(1);
    /** Compare-and-set rounds before an attempt that keeps losing to parallel ones for the same name gives up. */
    static final int TRIES = 4;
    /** Retry-After for an attempt that gave up that way: the parallel ones are decided within a second. */
    private static final long CONTENDED_RETRY_SECONDS = 1;

    /** One counted attempt: {@code number} within the current run of failures. */
    public record Attempt(String usernameKey, long number) {}

    private static final LoginAttemptStore.Attempts JUST_CREATED = new LoginAttemptStore.Attempts(1, Instant.EPOCH);

    private final LoginAttemptStore attempts;
    private final Clock clock;

    public LoginThrottle(LoginAttemptStore attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Refuses with 429 and Retry-After while the username is locked; a read only, nothing is counted. */
    public LoginAttemptStore.Attempts checkAllowed(String usernameKey) {
        LoginAttemptStore.Attempts current = attempts.current(usernameKey);
        refuseIfLocked(current, clock.instant());
        return current;
    }

    /**
     * Counts an attempt before its password is checked, or refuses it with 429. Most names have no counter, so
     * the first round assumes none and costs no read.
     */
    public Attempt begin(String usernameKey) {
        LoginAttemptStore.Attempts seen = LoginAttemptStore.Attempts.NONE;
        for (int round = 0; round < TRIES; round++) {
            Instant now = clock.instant();
            refuseIfLocked(seen, now);
            OptionalLong counted = count(usernameKey, seen, now);
            if (counted.isPresent()) {
                return new Attempt(usernameKey, counted.getAsLong());
            }
            // Lost the first round: another attempt created the counter just now, so it stands at one at least.
            // Below the lock an increment needs no read and cannot lose to parallel ones.
            seen = round == 0 && seen.failures() == 0 ? JUST_CREATED : attempts.current(usernameKey);
        }
        throw Errors.throttled(CONTENDED_RETRY_SECONDS);
    }

    /**
     * Below the attempt that locks, an atomic increment (parallel attempts, a user's own included, all count);
     * the attempt that locks and those after it, a compare-and-set that sets the lock in the same write, which
     * keeps the number of password verdicts before the lock exact.
     */
    private OptionalLong count(String usernameKey, LoginAttemptStore.Attempts seen, Instant now) {
        Instant forget = now.plus(MEMORY);
        long number = seen.failures() + 1;
        if (seen.failures() > 0 && number < FREE_FAILURES) {
            return attempts.increment(usernameKey, FREE_FAILURES - 1, forget);
        }
        Instant lock = number >= FREE_FAILURES ? now.plus(lockFor(number)) : null;
        return attempts.reserve(usernameKey, seen, lock, forget) ? OptionalLong.of(number) : OptionalLong.empty();
    }

    /** A wrong password: already counted by {@link #begin}, and locked there if it reached the limit. */
    public void failed(Attempt attempt) {
        if (attempt.number() >= FREE_FAILURES) {
            Metrics.count(Metrics.Count.LOCKOUTS);
        }
    }

    /**
     * The right password ends the run of failures. Best effort: the caller proved the password, and a count
     * left behind only brings the lock one failure nearer until it is forgotten.
     */
    public void succeeded(Attempt attempt) {
        try {
            attempts.reset(attempt.usernameKey());
        } catch (StorageUnavailableException e) {
            JsonLog.warn("login attempts not cleared", Map.of("error", e.getClass().getSimpleName()));
        }
    }

    private static void refuseIfLocked(LoginAttemptStore.Attempts current, Instant now) {
        if (current.lockedUntil().isAfter(now)) {
            long millis = Duration.between(now, current.lockedUntil()).toMillis();
            throw Errors.throttled(Math.max(1, (millis + 999) / 1000));
        }
    }

    static Duration lockFor(long failures) {
        long doublings = Math.min(failures - FREE_FAILURES, 30);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }
}
