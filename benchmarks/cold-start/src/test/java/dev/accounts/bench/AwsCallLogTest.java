package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCallLogTest {
    @TempDir
    Path directory;

    @Test
    void anInvocationOwnsTheCallsInsideItsWindowAndSumsThem() throws IOException {
        Path file = directory.resolve("probe.aws");
        Files.write(file, List.of(
                "1000000 3000000 DynamoDB GetItem 0.5 0.0 120 ok",          // priming, before the window
                "11000000 13500000 DynamoDB GetItem 0.5 0.0 300 ok",
                "14000000 15000000 DynamoDB TransactWriteItems 0.0 8.0 250 ok",
                "16000000 16500000 Secrets\u00a0Manager GetSecretValue 0.0 0.0 0 failed".replace('\u00a0', '_')));

        AwsCallLog.Window window = AwsCallLog.read(file).within(10_000_000, 20_000_000);

        assertEquals(3, window.calls().size());
        assertEquals(4.0, window.awsMillis(), 1e-9);
        assertEquals(0.5, window.readUnits(), 1e-9);
        assertEquals(8.0, window.writeUnits(), 1e-9);
        assertEquals(300, window.largestItemBytes());
        assertEquals(1, window.failed());
    }

    @Test
    void noProbeFileIsNoCalls() {
        assertEquals(0, AwsCallLog.read(directory.resolve("missing")).within(0, Long.MAX_VALUE).calls().size());
    }
}
