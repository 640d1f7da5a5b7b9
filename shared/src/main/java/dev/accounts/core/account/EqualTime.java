package dev.accounts.core.account;

import java.time.Duration;

/**
 * Answers that must not tell whether an address or a name has an account take at least {@link #floor} from the
 * request's start: the path that finds accounts and sends e-mail and the one that finds none, or the refused
 * logins of every kind, end at the same moment.
 */
public final class EqualTime {
    /** Above what finding accounts, reserving a quota, storing a token and one SES call take together. */
    public static final Duration STANDARD = Duration.ofMillis(1200);
    /**
     * Above the dearest password check a refused login can meet: a hash imported from Django at its 6.0 default
     * (PBKDF2, 1,200,000 rounds: about 0.3 s on a full core, 0.55 s on the share of one that a 1024 MB function
     * gets), against 0.05 s for Argon2id and none for a malformed hash; plus the lockout write and the user read.
     */
    public static final Duration FAILED_LOGIN = Duration.ofMillis(800);

    private final Duration floor;

    public EqualTime(Duration floor) {
        this.floor = floor;
    }

    public Duration floor() {
        return floor;
    }

    /** Returns no earlier than {@link #floor} after {@code startedNanos} (a {@link System#nanoTime()}). */
    public void waitOutFrom(long startedNanos) {
        long remaining = floor.toNanos() - (System.nanoTime() - startedNanos);
        if (remaining <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(remaining));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
