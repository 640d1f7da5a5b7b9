package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the SDK probe (benchmarks/sdk-probe) wrote for one JVM: every AWS call with its System.nanoTime span,
 * and what DynamoDB read and wrote, in capacity units computed from item sizes. Empty when the JVM had no
 * probe or wrote nothing.
 */
record AwsCallLog(List<Call> calls) {

    record Call(long start, long end, String service, String operation, double readUnits, double writeUnits,
                int largestItemBytes, boolean ok) {
        static Call parse(String line) {
            String[] f = line.trim().split(" ");
            return new Call(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Integer.parseInt(f[6]), "ok".equals(f[7]));
        }

        double millis() {
            return (end - start) / 1_000_000.0;
        }
    }

    /** The calls of one invocation, from the moment its event was handed out to its answer. */
    record Window(List<Call> calls) {
        double awsMillis() {
            return calls.stream().mapToDouble(Call::millis).sum();
        }

        double readUnits() {
            return calls.stream().mapToDouble(Call::readUnits).sum();
        }

        double writeUnits() {
            return calls.stream().mapToDouble(Call::writeUnits).sum();
        }

        int largestItemBytes() {
            return calls.stream().mapToInt(Call::largestItemBytes).max().orElse(0);
        }

        long failed() {
            return calls.stream().filter(c -> !c.ok()).count();
        }
    }

    static AwsCallLog read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return new AwsCallLog(List.of());
        }
        try (Stream<String> lines = Files.lines(file)) {
            return new AwsCallLog(lines.filter(l -> !l.isBlank()).map(Call::parse).toList());
        } catch (IOException e) {
            return new AwsCallLog(List.of());
        }
    }

    Window within(long from, long to) {
        return new Window(calls.stream().filter(c -> c.start() >= from && c.end() <= to).toList());
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }
}
