package dev.accounts.reliability.load;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a load run measured: per operation and in total, counts, throughput and p50/p99/max; and the errors. */
record LoadReport(int clients, Duration elapsed, Map<LoadGenerator.Operation, Latencies> latencies, long errors,
                  List<String> firstErrors) {

    long requests() {
        return latencies.values().stream().mapToLong(Latencies::count).sum();
    }

    long count(LoadGenerator.Operation operation) {
        return latencies.get(operation).count();
    }

    String markdown() {
        double seconds = elapsed.toMillis() / 1000.0;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d clients, %.1f s, %d requests, %.1f requests/s, %d errors%n%n",
                clients, seconds, requests(), requests() / seconds, errors));
        out.append("| request | count | per second | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        Latencies all = new Latencies();
        Map<LoadGenerator.Operation, Latencies> ordered = new EnumMap<>(latencies);
        ordered.forEach((operation, times) -> {
            all.addAll(times);
            out.append(row(operation.label, times, seconds));
        });
        out.append(row("all", all, seconds));
        return out.toString();
    }

    /** One row per run: clients, throughput and the latency of every request together. */
    static String scalingTable(List<LoadReport> reports, int cores) {
        StringBuilder out = new StringBuilder(String.format("Scaling (%d cores):%n%n", cores));
        out.append("| clients | requests/s | p50 ms | p99 ms | errors |\n|---:|---:|---:|---:|---:|\n");
        for (LoadReport report : reports) {
            Latencies all = new Latencies();
            report.latencies.values().forEach(all::addAll);
            out.append(String.format("| %d | %.1f | %.0f | %.0f | %d |%n", report.clients, report.requests()
                    / (report.elapsed.toMillis() / 1000.0), all.percentileMillis(50), all.percentileMillis(99), report.errors));
        }
        return out.toString();
    }

    private static String row(String label, Latencies times, double seconds) {
        return String.format("| %s | %d | %.1f | %.0f | %.0f | %.0f |%n", label, times.count(), times.count() / seconds,
                times.percentileMillis(50), times.percentileMillis(99), times.percentileMillis(100));
    }
}
