package dev.accounts.migrate;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress of the writes on stderr, at most once per interval, so stdout stays the report and a small dump
 * prints nothing extra: `progress: 1200 of 100000 rows, 27.4 rows/s, about 1 h 0 min left`. A large dump
 * takes long (100k rows is about an hour on the local engine); the operator needs to see it is moving.
 */
final class ImportProgress {
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final int total;
    private final Clock clock;
    private final PrintStream err;
    private final Instant start;
    private Instant lastPrinted;
    private int done;

    ImportProgress(int total, Clock clock, PrintStream err) {
        this.total = total;
        this.clock = clock;
        this.err = err;
        this.start = clock.instant();
        this.lastPrinted = start;
    }

    void rowDone() {
        done++;
        Instant now = clock.instant();
        if (done < total && Duration.between(lastPrinted, now).compareTo(INTERVAL) >= 0) {
            lastPrinted = now;
            err.println(line(Duration.between(start, now)));
        }
    }

    String line(Duration elapsed) {
        double perSecond = done / Math.max(elapsed.toMillis() / 1000.0, 0.001);
        Duration left = Duration.ofSeconds(Math.round((total - done) / perSecond));
        return String.format("progress: %d of %d rows, %.1f rows/s, about %s left", done, total, perSecond,
                readable(left));
    }

    private static String readable(Duration left) {
        if (left.toHours() > 0) {
            return left.toHours() + " h " + left.toMinutesPart() + " min";
        }
        if (left.toMinutes() > 0) {
            return left.toMinutes() + " min " + left.toSecondsPart() + " s";
        }
        return left.toSeconds() + " s";
    }
}
