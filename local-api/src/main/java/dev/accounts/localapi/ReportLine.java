package dev.accounts.localapi;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Lambda's REPORT line, one per invocation, tab-separated as in CloudWatch: request id, duration, billed
 * duration (whole milliseconds, rounded up; since August 2025 Lambda also bills the init phase of a cold start),
 * memory size, max memory used when it can be measured, and Init Duration on a cold start.
 */
record ReportLine(String requestId, long durationNanos, int memorySizeMb, OptionalLong maxMemoryUsedMb,
                  OptionalLong initNanos) {

    @Override
    public String toString() {
        long billed = ceilMillis(durationNanos) + (initNanos.isPresent() ? ceilMillis(initNanos.getAsLong()) : 0);
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationNanos)).append(" ms")
                .append("\tBilled Duration: ").append(billed).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB");
        maxMemoryUsedMb.ifPresent(mb -> line.append("\tMax Memory Used: ").append(mb).append(" MB"));
        initNanos.ifPresent(init -> line.append("\tInit Duration: ").append(millis(init)).append(" ms"));
        return line.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0);
    }

    private static long ceilMillis(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }
}
