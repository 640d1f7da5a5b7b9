package dev.accounts.reliability.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.localapi.LocalApi;
import dev.accounts.localapi.LocalApiOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load test of docs/RELIABILITY.md: a mix of sign-ups, logins and refreshes over HTTP through the local API on
 * loopback, at 1, 4 and 16 clients in turn (each count its own warm-up, then 30 s measured); no error allowed.
 * The local API runs each function as a pool of execution environments, as Lambda does, so the rows show how
 * throughput scales with concurrency (on this machine's cores) rather than one environment's queue.
 * Not part of `mvn verify` (it takes the machine): {@code bin/test -pl reliability -am -Pload -Dtest=LoadTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, with -Dload.clients=1,4,16, -Dload.seconds, -Dload.warmupSeconds,
 * -Dload.maxRequests to change it. The figures go to stdout and reliability/target/load-report.md.
 */
@Tag("load")
class LoadTest {
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("load.clients", "1,4,16").split(","))
            .mapToInt(c -> Integer.parseInt(c.strip())).toArray();
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 30));
    /** Clients join one by one over the warm-up, each signing up and logging in, while the JIT warms up. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("load.warmupSeconds", 10));
    private static final long MAX_REQUESTS = Long.getLong("load.maxRequests", 200_000);
    private static final long SEED = 42;

    @Test
    void mixedWorkloadAtOneFourAndSixteenClientsAnswersEveryRequestWithoutError() throws IOException {
        // The functions' request lines, the access log and the REPORT lines would be thousands: discarded, not kept.
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        PrintStream stdout = System.out;
        System.setOut(discard);
        int mostClients = Arrays.stream(CLIENTS).max().orElseThrow();
        // every client may find its function's environments busy: allow one each, so none is throttled
        LocalApiOptions options = LocalApiOptions.onAFreePort()
                .withMaxConcurrency(Math.max(mostClients, LocalApiOptions.DEFAULT_MAX_CONCURRENCY));
        try (LocalApi api = LocalApi.start(options, System.getenv(), discard)) {
            List<LoadReport> reports = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int clients : CLIENTS) {
                LoadGenerator generator = new LoadGenerator(URI.create(api.baseUrl()), clients, SEED + clients * 1_000L);
                LoadReport warmUp = generator.run(WARM_UP, MAX_REQUESTS, WARM_UP);
                LoadReport report = generator.run(DURATION, MAX_REQUESTS, Duration.ZERO);
                reports.add(report);
                text.append(report.markdown()).append('\n');
                stdout.println(report.markdown());
                // every count is measured before anything is asserted, so the report is whole either way
                if (warmUp.errors() + report.errors() > 0) {
                    failures.add(clients + " clients: " + warmUp.errors() + " errors warming up, " + report.errors()
                            + " measured: " + warmUp.firstErrors() + report.firstErrors());
                }
                for (LoadGenerator.Operation operation : LoadGenerator.Operation.values()) {
                    assertTrue(report.count(operation) > 0, operation + " was exercised");
                }
            }
            String summary = LoadReport.scalingTable(reports, Runtime.getRuntime().availableProcessors());
            stdout.println(summary);
            Files.writeString(Path.of(System.getProperty("load.report", "target/load-report.md")), summary + "\n" + text);
            assertEquals(List.of(), failures, "no request may fail");
        } finally {
            System.setOut(stdout);
        }
    }
}
