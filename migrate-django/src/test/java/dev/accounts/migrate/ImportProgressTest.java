package dev.accounts.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accounts.core.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator watching a long import sees on stderr. */
class ImportProgressTest {
    private final MutableClock clock = MutableClock.startingNow();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aLongImportReportsRowsDoneRateAndTimeLeftOncePerInterval() {
        ImportProgress progress = new ImportProgress(100_000, clock, new PrintStream(err, true, StandardCharsets.UTF_8));
        Duration perRow = Duration.ofMillis(40); // 25 rows/s, as the local engine manages
        long rowsPerInterval = ImportProgress.INTERVAL.toMillis() / perRow.toMillis();
        for (int i = 0; i < 2 * rowsPerInterval; i++) {
            clock.advance(perRow);
            progress.rowDone();
        }

        assertEquals(List.of(
                "progress: 250 of 100000 rows, 25.0 rows/s, about 1 h 6 min left",
                "progress: 500 of 100000 rows, 25.0 rows/s, about 1 h 6 min left"), lines());
    }

    @Test
    void aQuickImportPrintsNothing() {
        ImportProgress progress = new ImportProgress(3, clock, new PrintStream(err, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            clock.advance(ImportProgress.INTERVAL.dividedBy(4));
            progress.rowDone();
        }
        assertEquals(List.of(), lines(), "done before the first interval passed");
    }

    private List<String> lines() {
        String text = err.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
