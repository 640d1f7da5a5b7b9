package dev.accounts.bench;

import dev.accounts.bench.BenchmarkOptions.Tiering;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Starts a fresh JVM the way Lambda starts an execution environment (see {@link LambdaJvm}), with nothing of
 * this JVM's environment leaking in, feeds it events through the {@link RuntimeApiServer} and stops it once
 * every event is answered. Each JVM's output goes to its own log file.
 */
final class ExecutionEnvironment {
    /** AWS_LAMBDA_INITIALIZATION_TYPE: on-demand, or snap-start (init, priming, snapshot, restore). */
    enum InitType {
        ON_DEMAND("on-demand"), SNAP_START("snap-start");

        final String value;

        InitType(String value) {
            this.value = value;
        }
    }

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    /** benchmarks/sdk-probe's AwsCallProbe.FILE_PROPERTY (the harness does not link the probe). */
    static final String PROBE_FILE_PROPERTY = "bench.probe.file";

    private final Path javaHome;
    private final RuntimeClient runtime;
    private final RuntimeApiServer api;
    private final List<String> extraJvmOptions;
    private final Path logDirectory;
    private final BenchmarkStack stack;
    private final AtomicLong sessions = new AtomicLong();

    ExecutionEnvironment(Path javaHome, RuntimeClient runtime, RuntimeApiServer api, List<String> extraJvmOptions,
                         Path logDirectory, BenchmarkStack stack) {
        this.javaHome = javaHome;
        this.runtime = runtime;
        this.api = api;
        this.extraJvmOptions = extraJvmOptions;
        this.logDirectory = logDirectory;
        this.stack = stack;
    }

    /**
     * Runs `events` invocations in one new JVM; the first event is prepared before the JVM starts, the others
     * when the runtime asks for them. Throws with the JVM's log when anything fails.
     */
    Run run(Subject subject, TaskRoot root, InitType initType, Tiering tiering, int events, String label)
            throws InterruptedException {
        return run(subject, root, initType, tiering, events, label, Setup.PLAIN);
    }

    /**
     * What a run adds to the subject's own JVM options and environment: the SDK probe's output file, the
     * restore stand-in's relay and key cache age, and what to do when the runtime reaches restore/next.
     */
    record Setup(List<String> jvmOptions, Map<String, String> environment, Runnable atRestore, boolean probe) {
        static final Setup PLAIN = new Setup(List.of(), Map.of(), () -> { }, false);
    }

    Run run(Subject subject, TaskRoot root, InitType initType, Tiering tiering, int events, String label, Setup setup)
            throws InterruptedException {
        String first = subject.invocation().get();
        List<Supplier<String>> script = new ArrayList<>();
        script.add(() -> first);
        for (int i = 1; i < events; i++) {
            script.add(subject.invocation());
        }
        String session = "s" + sessions.incrementAndGet();
        Invocations invocations = new Invocations(session, script);
        invocations.atRestore(setup.atRestore());
        api.expect(subject.name(), invocations);

        Path log = logDirectory.resolve(label + ".log");
        List<String> jvmOptions = new ArrayList<>(extraJvmOptions);
        jvmOptions.addAll(setup.jvmOptions());
        Path probeLog = null;
        if (setup.probe()) {
            probeLog = logDirectory.resolve(label + ".aws");
            jvmOptions.add("-D" + PROBE_FILE_PROPERTY + "=" + probeLog);
        }
        Path classLog = null;
        if (initType == InitType.SNAP_START) {
            // Each class load with System.nanoTime's clock, shared by every process here: the report counts those
            // that fall inside the first call after priming. Only for primed runs: cold starts stay unlogged.
            classLog = logDirectory.resolve(label + ".classes");
            jvmOptions.add("-Xlog:class+load=info:file=" + classLog + ":timenanos");
        }
        ProcessBuilder builder = new ProcessBuilder(LambdaJvm.command(javaHome, subject.memoryMb(), tiering, runtime,
                jvmOptions, subject.handler()))
                .directory(root.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(lambdaVariables(subject, root, initType));
        environment.putAll(subject.environment());
        environment.putAll(setup.environment());

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + javaHome + "/bin/java", e);
        }
        boolean answered;
        try {
            answered = invocations.awaitAnswers(process, RUN_TIMEOUT);
        } finally {
            stop(process);
            invocations.finish();
        }
        if (!answered) {
            throw new IllegalStateException(subject.name() + " (" + label + "): " + invocations.failure()
                    + "\n--- " + log + " (end) ---\n" + tail(log));
        }
        return new Run(started, invocations, classLog, AwsCallLog.read(probeLog));
    }

    /** What Lambda's own environment gives every function, and the Runtime API's address. */
    private Map<String, String> lambdaVariables(Subject subject, TaskRoot root, InitType initType) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", ":UTC");
        variables.put("LAMBDA_TASK_ROOT", root.directory().toString());
        variables.put("LAMBDA_RUNTIME_DIR", runtime.directory().toString());
        variables.put("_HANDLER", subject.handler());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        variables.put("AWS_LAMBDA_RUNTIME_API", api.address());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", subject.name());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(subject.memoryMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", initType == InitType.SNAP_START ? "1" : "$LATEST");
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", initType.value);
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + subject.name());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "benchmark");
        if (initType == InitType.SNAP_START) {
            // SnapStart environments get credentials from a container endpoint, so they are fresh after a restore.
            variables.put("AWS_REGION", stack.region());
            variables.put("AWS_DEFAULT_REGION", stack.region());
            variables.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", api.credentialsUri());
            variables.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", RuntimeApiServer.CREDENTIALS_TOKEN);
        } else {
            variables.putAll(stack.credentials());
        }
        return variables;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The timestamps of one environment's life, turned into the spans the report shows. */
    record Run(long started, Invocations invocations, Path classLog, AwsCallLog awsCalls) {
        /** Process start → the runtime's first request for an event: JVM start, runtime client, handler init. */
        double initMillis() {
            return millis(invocations.firstPoll() - started);
        }

        /** Process start → the first response received: the cold start. */
        double coldStartMillis() {
            return millis(invocations.answered(0) - started);
        }

        /** Process start → restore/next: init plus the priming hooks (SnapStart would snapshot here). */
        double initAndPrimingMillis() {
            return millis(invocations.restorePoll() - started);
        }

        /** Event handed out → its response received. */
        double invocationMillis(int index) {
            return millis(invocations.answered(index) - invocations.delivered(index));
        }

        /** The AWS calls the SDK probe saw during invocation `index` (none without the probe). */
        AwsCallLog.Window awsCallsDuring(int index) {
            return awsCalls.within(invocations.delivered(index), invocations.answered(index));
        }

        int invocationCount() {
            return invocations.size();
        }

        /** Classes the JVM loaded between handing out event `index` and receiving its answer; -1 if not logged. */
        int classesLoadedDuring(int index) {
            if (classLog == null) {
                return -1;
            }
            try (var lines = Files.lines(classLog)) {
                return (int) ClassLoadLog.countBetween(lines, invocations.delivered(index), invocations.answered(index));
            } catch (IOException | UncheckedIOException e) {
                return -1;
            }
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
