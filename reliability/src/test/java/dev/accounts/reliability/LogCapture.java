package dev.accounts.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything the process writes while open: the functions' JSON log (stdout, as it is at the time) and anything
 * else on stdout or stderr
 * (the SDK, a library's warning, a stray printStackTrace), as Lambda ships both streams to CloudWatch.
 */
final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private LogCapture() {
        System.setOut(stream);
        System.setErr(stream);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** The non-blank lines written so far. */
    List<String> lines() {
        synchronized (stream) {
            stream.flush();
            return buffer.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }
}
