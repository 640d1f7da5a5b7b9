package dev.accounts.core.account;

import java.time.Duration;

/**
 * Answers that must not tell whether an address has an account take at least {@link #floor} from the request's
 * start: the path that finds accounts and sends e-mail, and the one that finds none, end at the same moment.
 */
public final class EqualTime {
    /** Above what finding accounts, reserving a quota, storing a token and one SES call take together. */
    public static final Duration STANDARD = Duration.ofMillis(1200);

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
