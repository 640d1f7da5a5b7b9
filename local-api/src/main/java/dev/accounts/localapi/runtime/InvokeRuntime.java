package dev.accounts.localapi.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda's Java runtime does for one invocation, in a JVM of its own whose class path is the function's
 * deployment jar (and this one class): the handler created through its no-argument constructor, reading the
 * process environment (its init), then called once through {@link RequestStreamHandler} with the event from
 * stdin. The response goes to stdout; the function's own log lines to stderr, as {@code sam local invoke} keeps
 * them apart. A handler that throws gets Lambda's error document on stdout and exit code 1.
 * <p>
 * Arguments: handler class, request id, the function's Timeout in seconds, and a file to write the measurements to
 * (init and invocation nanoseconds, peak resident memory in MB), from which the caller prints the REPORT line.
 * Kept to this class and {@link LambdaContext}: the two are copied alone beside the jar.
 */
public final class InvokeRuntime {

    private InvokeRuntime() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream response = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // before the handler's classes load: whatever they print is log, not response
        byte[] event = System.in.readAllBytes();
        long initStarted = System.nanoTime();
        long initNanos = 0;
        long invokeStarted = 0;
        int exitCode = 0;
        try {
            Object handler = Class.forName(args[0]).getConstructor().newInstance();
            initNanos = System.nanoTime() - initStarted;
            if (!(handler instanceof RequestStreamHandler streamHandler)) {
                throw new IllegalStateException(args[0] + " is not a RequestStreamHandler");
            }
            LambdaContext context = new LambdaContext(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function"),
                    Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")),
                    Integer.parseInt(args[2]), args[1], System.err);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            invokeStarted = System.nanoTime();
            streamHandler.handleRequest(new ByteArrayInputStream(event), output, context);
            response.print(output.toString(StandardCharsets.UTF_8));
        } catch (Throwable e) {
            Throwable cause = e instanceof ReflectiveOperationException && e.getCause() != null ? e.getCause() : e;
            cause.printStackTrace(System.err);
            response.print("{\"errorMessage\":" + quote(String.valueOf(cause.getMessage())) + ",\"errorType\":"
                    + quote(cause.getClass().getName()) + "}");
            exitCode = 1;
        }
        response.println();
        long invokeNanos = invokeStarted == 0 ? 0 : System.nanoTime() - invokeStarted;
        Files.writeString(Path.of(args[3]), initNanos + " " + invokeNanos + " " + peakResidentMegabytes());
        response.flush();
        System.exit(exitCode);
    }

    /** VmHWM of /proc/self/status: the most memory the process held, as Lambda's Max Memory Used; -1 elsewhere. */
    private static long peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no figure: the REPORT line leaves it out
        }
        return -1;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
