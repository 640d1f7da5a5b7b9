package dev.accounts.reliability.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.localapi.InProcessLocalApi;
import dev.accounts.localapi.LocalApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load test of docs/RELIABILITY.md: 32 clients, a mix of sign-ups, logins and refreshes, 30 s, over HTTP
 * through the local API on loopback; no error allowed. Not part of `mvn verify` (it takes the machine):
 * {@code bin/test -pl reliability -Pload}, with -Dload.seconds, -Dload.clients, -Dload.maxRequests to change it.
 * The figures go to stdout and reliability/target/load-report.md. The local API runs each function as one
 * Lambda execution environment (one request at a time), so the figures are those of one environment per function.
 */
@Tag("load")
class LoadTest {
    private static final int CLIENTS = Integer.getInteger("load.clients", 32);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 30));
    /** Clients join one by one over the warm-up, each signing up and logging in, while the JIT warms up. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("load.warmupSeconds", 10));
    private static final long MAX_REQUESTS = Long.getLong("load.maxRequests", 200_000);
    private static final long SEED = 42;

    @Test
    void mixedWorkloadFromConcurrentClientsAnswersEveryRequestWithoutError() throws IOException {
        // The functions' request lines and the access log would be thousands of lines: counted out, not kept.
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        PrintStream stdout = System.out;
        System.setOut(discard);
        try (LocalApi api = InProcessLocalApi.start(System.getenv(), discard)) {
            LoadGenerator generator = new LoadGenerator(URI.create(api.baseUrl()), CLIENTS, SEED);
            LoadReport warmUp = generator.run(WARM_UP, MAX_REQUESTS, WARM_UP);
            assertEquals(0, warmUp.errors(), () -> "errors while warming up: " + warmUp.firstErrors());

            LoadReport report = generator.run(DURATION, MAX_REQUESTS, Duration.ZERO);
            String text = report.markdown();
            stdout.println(text);
            Files.writeString(Path.of(System.getProperty("load.report", "target/load-report.md")), text);

            assertEquals(0, report.errors(), () -> "no request may fail: " + report.firstErrors());
            for (LoadGenerator.Operation operation : LoadGenerator.Operation.values()) {
                assertTrue(report.count(operation) > 0, operation + " was exercised");
            }
        } finally {
            System.setOut(stdout);
        }
    }
}
