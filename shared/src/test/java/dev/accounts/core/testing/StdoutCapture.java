package dev.accounts.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the service printed while it was open: logs and metrics go to System.out as it is at the time (Lambda's
 * runtime replaces it), so a test reads them by replacing it too, and gives the original back on close.
 */
public final class StdoutCapture implements AutoCloseable {
    private static final Object LOCK = new Object();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream original;

    private StdoutCapture() {
        synchronized (LOCK) {
            original = System.out;
            System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        }
    }

    public static StdoutCapture start() {
        return new StdoutCapture();
    }

    public String text() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            System.setOut(original);
        }
    }
}
