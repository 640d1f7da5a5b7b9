package dev.accounts.localapi;

import java.io.PrintStream;
import java.time.Instant;

/** One line per request, as `sam local start-api` prints: time, method, path, status, duration, function. */
final class AccessLog {

    private final PrintStream out;

    AccessLog(PrintStream out) {
        this.out = out;
    }

    void record(Instant at, String method, String path, int status, long millis, String function) {
        out.printf("%s %s %s %d %dms %s%n", at, method, path, status, millis, function == null ? "-" : function);
    }
}
