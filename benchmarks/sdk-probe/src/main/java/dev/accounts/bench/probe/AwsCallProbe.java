package dev.accounts.bench.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS call a function makes, from the SDK's first look at the request to its last at the response
 * (marshalling, signing, retries and the wire), and sizes what DynamoDB reads and writes (see
 * {@link CapacityUnits}). One line per call, System.nanoTime's clock (shared by every process on the host, so
 * the harness can place each call inside the invocation that made it):
 * <pre>start end service operation readUnits writeUnits largestItemBytes ok|failed:&lt;cause&gt;</pre>
 * The lines are kept in memory and written once, when the JVM stops, so the timed calls pay no file I/O.
 * Without the system property {@value #FILE_PROPERTY} the probe records nothing.
 */
public final class AwsCallProbe implements ExecutionInterceptor {
    public static final String FILE_PROPERTY = "bench.probe.file";
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.probe.started");
    private static final Queue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final Path FILE = fileFromProperty();

    static {
        warmUp();
    }

    private static Path fileFromProperty() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(path), "sdk-probe-writer"));
        return path;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, CapacityUnits.of(context.request(), context.response()), "ok");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // the failure's kind, for the log only (the harness reads "ok" or not)
        Throwable cause = context.exception();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        record(attributes, CapacityUnits.NONE, "failed:" + cause.getClass().getSimpleName() + ":"
                + String.valueOf(cause.getMessage()).replaceAll("\\s+", "_"));
    }

    private static void record(ExecutionAttributes attributes, CapacityUnits units, String outcome) {
        long end = System.nanoTime();
        Long start = attributes.getAttribute(STARTED);
        if (FILE == null || start == null) {
            return;
        }
        LINES.add(line(start, end, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), units, outcome));
    }

    private static String line(long start, long end, String service, String operation, CapacityUnits units,
                               String outcome) {
        return String.format(Locale.ROOT, "%d %d %s %s %.1f %.1f %d %s", start, end, service, operation,
                units.read(), units.write(), units.largestItemBytes(), outcome);
    }

    /**
     * The probe's own work once, when the SDK creates it (before priming): priming's calls are refused, so
     * without this the first successful call after priming would load the probe's sizing and formatting
     * classes, and the benchmark would count them as the function's.
     */
    private static void warmUp() {
        CapacityUnits units = CapacityUnits.warmUp();
        line(System.nanoTime(), System.nanoTime(), "DynamoDb", "GetItem", units, "ok");
    }

    private static void write(Path path) {
        List<String> lines = new ArrayList<>(LINES);
        try {
            Files.write(path, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
