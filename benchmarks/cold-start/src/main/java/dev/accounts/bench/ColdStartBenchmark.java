package dev.accounts.bench;

import dev.accounts.bench.BenchmarkOptions.Tiering;
import dev.accounts.bench.ExecutionEnvironment.InitType;
import dev.accounts.core.priming.RuntimeClientClasses;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Issues 5 and 16's benchmark. For every function of template.yaml, and three baselines built alongside (a
 * do-nothing handler, the floor; one enhanced-client GetItem in an events-typed handler, the SDK baseline; the
 * same GetItem in a stream handler reading its event with Jackson, the lean SDK floor): unpack the deployment package as Lambda
 * does, start a fresh JVM with Lambda's java25 options running the real runtime interface client against a
 * Runtime API served here on loopback, feed it events/&lt;function&gt;.json against a moto_server started here,
 * and time process start → response received. Rounds interleave baselines and functions. Then, per function,
 * a SnapStart stand-in: the runtime client's snap-start init (it runs the CRaC beforeCheckpoint hooks), then
 * the first real invocation against the median of the warm ones (an SDK probe beside the package times the AWS
 * calls in each); and a restore stand-in (see {@link #measureRestored}). Output: Markdown tables, then the seven
 * goal lines last. Progress goes to stderr.
 */
public final class ColdStartBenchmark {
    static final String NOOP_HANDLER = "dev.accounts.bench.baseline.noop.NoopHandler::handleRequest";
    /** Named without a method, as the functions are, so the runtime client calls it as a stream handler. */
    static final String PRIMED_NOOP_HANDLER = "dev.accounts.bench.baseline.noop.PrimedNoopStreamHandler";
    static final String SDK_HANDLER = "dev.accounts.bench.baseline.sdk.GetItemHandler::handleRequest";
    /** A stream handler, named without a method as the functions are. */
    static final String LEAN_HANDLER = "dev.accounts.bench.baseline.lean.LeanGetItemHandler";
    static final String BASELINE_ITEM_KEY = "BENCH#baseline-item";
    /** The event the baselines are fed (they read none of it); any event of the same shape would do. */
    static final String BASELINE_EVENT = "login";

    private static final ExecutionEnvironment.Setup PROBED = new ExecutionEnvironment.Setup(List.of(), Map.of(),
            () -> { }, true);

    private static final int ATTEMPTS = 4;
    private static final int RESTORED_WARM_CALLS = 10;

    private final List<String> retried = new ArrayList<>();
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final PrintStream progress;

    private ColdStartBenchmark(BenchmarkOptions options, PrintStream out, PrintStream progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            Path repository = SamTemplate.locateFile(Path.of(System.getProperty("user.dir"))).getParent();
            options = BenchmarkOptions.parse(args, repository, Path.of(System.getProperty("java.home")),
                    Files.createTempDirectory("cold-start-logs-"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new ColdStartBenchmark(options, System.out, System.err).run();
        System.exit(0); // the local engine's shutdown hook stops moto_server
    }

    private void run() throws Exception {
        Path repo = options.repository();
        Files.createDirectories(options.logDirectory());
        SamTemplate template = BenchmarkStack.template(repo.resolve(SamTemplate.FILE_NAME));
        RuntimeClient runtime = RuntimeClient.in(repo.resolve("benchmarks/cold-start/target/runtime/lib"));
        List<FunctionSpec> specs = template.functions();
        progress.println("starting moto_server and the template's tables…");
        try (BenchmarkStack stack = BenchmarkStack.start(template); RuntimeApiServer api = RuntimeApiServer.start()) {
            EventFixtures fixtures = new EventFixtures(stack.services(specs), repo.resolve("events"));
            Map<String, String> baselineEnvironment = stack.environment(specs);
            baselineEnvironment.put("BASELINE_ITEM_PK", BASELINE_ITEM_KEY);
            stack.putItem(baselineEnvironment.get("USERS_TABLE"), BASELINE_ITEM_KEY, Map.of("payload", "baseline"));
            int baselineMemory = template.tree().path("Globals").path("Function").path("MemorySize").asInt(512);

            Subject floor = new Subject("baseline-noop", Subject.Role.FLOOR, NOOP_HANDLER,
                    repo.resolve("benchmarks/baseline-noop/target/baseline-noop.jar"), baselineMemory,
                    baselineEnvironment, fixtures.verbatim(BASELINE_EVENT));
            Subject sdk = new Subject("baseline-sdk", Subject.Role.SDK_BASELINE, SDK_HANDLER,
                    repo.resolve("benchmarks/baseline-sdk/target/baseline-sdk.jar"), baselineMemory,
                    baselineEnvironment, fixtures.verbatim(BASELINE_EVENT));
            Subject lean = new Subject("baseline-lean", Subject.Role.LEAN_FLOOR, LEAN_HANDLER,
                    repo.resolve("benchmarks/baseline-lean/target/baseline-lean.jar"), baselineMemory,
                    baselineEnvironment, fixtures.verbatim(BASELINE_EVENT));
            List<String> skipped = new ArrayList<>();
            List<Subject> functions = functions(specs, stack, fixtures, skipped);
            List<Subject> all = new ArrayList<>(List.of(floor, sdk, lean));
            all.addAll(functions);

            Map<Subject, TaskRoot> roots = new HashMap<>();
            try {
                for (Subject subject : all) {
                    roots.put(subject, TaskRoot.unpack(subject.deploymentJar(), subject.name(), options.layout()));
                }
                ExecutionEnvironment environments = new ExecutionEnvironment(options.javaHome(), runtime, api,
                        options.extraJvmOptions(), options.logDirectory(), stack);
                Map<Subject, List<ColdSample>> cold = measureColdStarts(all, roots, environments);
                // The floor too, as a primed stream handler: what the runtime client's own first call after a
                // restore costs, which bounds every function's.
                Subject primedFloor = new Subject("baseline-noop-stream", Subject.Role.PRIMED_FLOOR, PRIMED_NOOP_HANDLER,
                        floor.deploymentJar(), floor.memoryMb(), floor.environment(), floor.invocation());
                List<Subject> primedSubjects = new ArrayList<>(List.of(primedFloor));
                primedSubjects.addAll(functions);
                // Primed runs get the SDK probe beside the function's jar, in their own task roots, so cold
                // starts stay exactly as deployed.
                Path probe = repo.resolve("benchmarks/sdk-probe/target/sdk-probe.jar");
                Map<Subject, TaskRoot> probed = new HashMap<>();
                for (Subject subject : options.skipPrimed() ? List.<Subject>of() : primedSubjects) {
                    probed.put(subject, TaskRoot.unpack(subject.deploymentJar(), subject.name(), options.layout(),
                            List.of(probe)));
                }
                Map<Subject, List<PrimedSample>> primed;
                Map<Subject, List<PrimedSample>> restored = Map.of();
                try {
                    primed = options.skipPrimed() ? Map.of()
                            : measurePrimed(primedSubjects, probed, environments, stack::emptyTables);
                    if (!options.skipRestored()) {
                        restored = measureRestored(functions, probed, environments, stack::emptyTables,
                                URI.create(baselineEnvironment.get("DYNAMODB_ENDPOINT")));
                    }
                } finally {
                    probed.values().forEach(TaskRoot::close);
                }

                printHeader(runtime, stack, skipped);
                Report report = new Report(new Report.Baselines(floor, sdk, lean), functions, cold, primed, restored);
                print(report);
                if (options.chart().isPresent()) {
                    Chart.write(report, options.chart().get());
                    progress.println("chart written to " + options.chart().get());
                }
            } finally {
                roots.values().forEach(TaskRoot::close);
            }
        }
    }

    /** The template's functions that are selected and have an event file; the others are listed in `skipped`. */
    private List<Subject> functions(List<FunctionSpec> specs, BenchmarkStack stack, EventFixtures fixtures,
                                    List<String> skipped) {
        Path repo = options.repository();
        List<Subject> functions = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            String module = moduleName(repo, spec);
            if (!options.selects(module)) {
                continue;
            }
            if (!Files.isRegularFile(fixtures.eventFile(module))) {
                skipped.add(module + " (no " + repo.relativize(fixtures.eventFile(module)) + ")");
                continue;
            }
            functions.add(new Subject(module, Subject.Role.FUNCTION, spec.handler(), options.deploymentJar(module),
                    spec.memorySizeMb(), stack.environment(spec), fixtures.invocations(module)));
        }
        if (functions.isEmpty()) {
            throw new IllegalStateException("no function selected; the template has "
                    + specs.stream().map(spec -> moduleName(repo, spec)).toList());
        }
        return functions;
    }

    private void print(Report report) {
        out.println();
        out.printf(Locale.ROOT, "## Cold starts (%d runs each, median; JIT: %s)%n%n", options.coldRuns(),
                describe(options.coldTiering()));
        report.printColdStarts(out);
        if (!options.skipPrimed()) {
            out.println();
            out.printf(Locale.ROOT, "## SnapStart stand-in (%d JVM(s) each; first call right after priming vs "
                            + "median of %d warm calls each; JIT: %s)%n%n", options.primedRuns(),
                    options.primedWarmInvocations(), describe(options.primedTiering()));
            report.printPrimed(out);
        }
        if (!options.skipRestored()) {
            out.println();
            out.printf(Locale.ROOT, "## Restore stand-in (%d JVM(s) each; every connection priming opened closed, "
                    + "key cache stale, storage over TLS; first call vs median of %d warm calls each)%n%n",
                    options.primedRuns(), restoredWarmCalls());
            report.printRestored(out);
        }
        if (!options.skipPrimed()) {
            out.println();
            out.println("## Warm own time (primed JVMs; AWS calls timed by an SDK interceptor in the benchmark only)");
            out.println();
            report.printOwnTime(out);
            out.println();
            out.println("## DynamoDB capacity per warm call (computed from item sizes: moto reports constants)");
            out.println();
            report.printCapacity(out);
            out.println();
            out.println("## Cost (modelled Lambda arm64 duration; prices and assumptions in docs/COST.md)");
            out.println();
            report.printCost(out);
            out.println();
            out.println("## Memory size vs modelled duration and Lambda cost per million calls");
            out.println();
            report.printMemorySizes(out);
        }
        out.println();
        report.printPackageGoal(out);
        out.println();
        report.printVerdict(out);
    }

    private Map<Subject, List<ColdSample>> measureColdStarts(List<Subject> all, Map<Subject, TaskRoot> roots,
                                                           ExecutionEnvironment environments) throws InterruptedException {
        // One discarded round first: the first JVM to read a package pays for the page cache, not for its code.
        progress.println("warm-up round (discarded)…");
        for (Subject subject : all) {
            String label = subject.name() + "-warmup";
            retrying(label, () -> environments.run(subject, roots.get(subject), InitType.ON_DEMAND,
                    options.coldTiering(), 2, label));
        }
        Map<Subject, List<ColdSample>> samples = new LinkedHashMap<>();
        all.forEach(s -> samples.put(s, new ArrayList<>()));
        for (int round = 1; round <= options.coldRuns(); round++) {
            StringBuilder line = new StringBuilder("round " + round + "/" + options.coldRuns() + ":");
            for (Subject subject : all) {
                String label = subject.name() + "-cold-" + round;
                ColdSample sample = ColdSample.of(retrying(label, () -> environments.run(subject, roots.get(subject),
                        InitType.ON_DEMAND, options.coldTiering(), 2, label)));
                samples.get(subject).add(sample);
                line.append(String.format(Locale.ROOT, " %s %.0f ms;", subject.name(), sample.coldStartMillis()));
            }
            progress.println(line);
        }
        return samples;
    }

    private Map<Subject, List<PrimedSample>> measurePrimed(List<Subject> functions, Map<Subject, TaskRoot> roots,
                                                         ExecutionEnvironment environments, Runnable emptyTables)
            throws InterruptedException {
        Map<Subject, List<PrimedSample>> samples = new LinkedHashMap<>();
        for (Subject function : functions) {
            emptyTables.run();
            List<PrimedSample> runs = new ArrayList<>();
            for (int run = 1; run <= options.primedRuns(); run++) {
                String label = function.name() + "-primed-" + run;
                PrimedSample sample = PrimedSample.of(retrying(label, () -> environments.run(function,
                        roots.get(function), InitType.SNAP_START, options.primedTiering(),
                        1 + options.primedWarmInvocations(), label, PROBED)));
                runs.add(sample);
                progress.printf(Locale.ROOT, "primed %s %d/%d: first call %.1f ms, warm median %.1f ms%n",
                        function.name(), run, options.primedRuns(), sample.firstInvocationMillis(),
                        Stats.of(sample.warmInvocationMillis()).median());
            }
            samples.put(function, runs);
        }
        return samples;
    }

    /**
     * The first call as Lambda's after a restore, as far as it can be had here: priming runs against storage
     * through a TLS relay; at restore/next (where SnapStart snapshots) the relay closes every connection and
     * forgets its TLS sessions, and the runtime client runs the functions' afterRestore hooks, which mark the key
     * set stale (on Lambda it also is by age: minutes to weeks have passed), so the first call opens connections
     * with full handshakes and fetches the key set, as one does after a real restore. Its warm calls after it,
     * over the same TLS, are what the first is compared with.
     */
    private Map<Subject, List<PrimedSample>> measureRestored(List<Subject> functions, Map<Subject, TaskRoot> roots,
                                                           ExecutionEnvironment environments, Runnable emptyTables,
                                                           URI storage)
            throws IOException, InterruptedException {
        Map<Subject, List<PrimedSample>> samples = new LinkedHashMap<>();
        try (TlsRelay relay = TlsRelay.start(storage, options.javaHome(), options.logDirectory())) {
            ExecutionEnvironment.Setup setup = new ExecutionEnvironment.Setup(relay.trustOptions(),
                    Map.of("DYNAMODB_ENDPOINT", relay.endpoint(), "SECRETSMANAGER_ENDPOINT", relay.endpoint()),
                    relay::restart, true);
            for (Subject function : functions) {
                emptyTables.run();
                List<PrimedSample> runs = new ArrayList<>();
                for (int run = 1; run <= options.primedRuns(); run++) {
                    String label = function.name() + "-restored-" + run;
                    PrimedSample sample = PrimedSample.of(retrying(label, () -> environments.run(function,
                            roots.get(function), InitType.SNAP_START, options.primedTiering(),
                            1 + restoredWarmCalls(), label, setup)));
                    runs.add(sample);
                    progress.printf(Locale.ROOT, "restored %s %d/%d: first call %.1f ms (%d AWS calls, %.1f ms)%n",
                            function.name(), run, options.primedRuns(), sample.firstInvocationMillis(),
                            sample.firstCallAws().calls().size(), sample.firstCallAws().awsMillis());
                }
                samples.put(function, runs);
            }
        }
        return samples;
    }

    /** Warm calls after a restored first call, for its warm median over TLS: fewer than the primed runs' suffice. */
    private int restoredWarmCalls() {
        return Math.min(RESTORED_WARM_CALLS, options.primedWarmInvocations());
    }

    /**
     * On this shared host a JVM now and then misses the SDK's 1.5 s attempt timeout and answers 503, or moto is
     * too slow for the harness's own preparation of an event: such a run is done again (up to {@value #ATTEMPTS}
     * times), and the report lists it, rather than losing the whole run.
     */
    private ExecutionEnvironment.Run retrying(String label, Measurement measurement) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return measurement.run();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                retried.add(label);
                progress.println("retrying " + label + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    @FunctionalInterface
    private interface Measurement {
        ExecutionEnvironment.Run run() throws InterruptedException;
    }

    private void printHeader(RuntimeClient runtime, BenchmarkStack stack, List<String> skipped) {
        out.println("# Cold-start benchmark");
        out.println();
        out.println("- machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + String.format(Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " at the end");
        out.println("- function JVM: " + jdk(options.javaHome()) + "; runtime interface client " + runtime.clientJarName());
        List<String> lacking = runtime.lacking(RuntimeClientClasses.NAMES);
        out.println("- runtime client classes that priming preloads: "
                + (RuntimeClientClasses.NAMES.size() - lacking.size()) + " of " + RuntimeClientClasses.NAMES.size()
                + " found in this client" + (lacking.isEmpty() ? ""
                : " (missing: " + lacking + "; update shared's RuntimeClientClasses)"));
        out.println("- JVM options (512 MB): " + String.join(" ", LambdaJvm.options(512, options.coldTiering()))
                + "; 1024 MB: " + LambdaJvm.maxHeapOption(1024) + (options.extraJvmOptions().isEmpty() ? ""
                : "; extra: " + String.join(" ", options.extraJvmOptions())));
        out.println("- package layout: " + (options.layout() == BenchmarkOptions.PackageLayout.LIB_JAR
                ? "/var/task/lib/<function>.jar (as `sam build` packages it)" : "the jar's entries unpacked into /var/task"));
        out.println("- storage: " + stack.describe() + "; JVM logs: " + options.logDirectory());
        out.println("- template parameters: " + new TreeMap<>(BenchmarkStack.TEMPLATE_PARAMETERS)
                + ", the rest their defaults; " + String.join(", ", BenchmarkStack.VERIFYING_FUNCTIONS) + " with "
                + BenchmarkStack.VERIFYING_ENVIRONMENT);
        options.packageDirectory().ifPresent(dir -> out.println("- function packages from " + dir));
        if (!skipped.isEmpty()) {
            out.println("- skipped: " + String.join(", ", skipped));
        }
        out.println("- runs done again after a failure: " + (retried.isEmpty() ? "none" : String.join(", ", retried)));
    }

    /**
     * The module under functions/ whose sources hold the function's handler; it also names the deployment jar
     * and the event file. Without sources, the logical id spelled as a module name: LoginFunction → login.
     */
    static String moduleName(Path repository, FunctionSpec spec) {
        String source = "src/main/java/" + spec.handlerClass().replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(repository.resolve("functions"))) {
            Optional<String> module = modules.filter(m -> Files.isRegularFile(m.resolve(source)))
                    .map(m -> m.getFileName().toString()).findFirst();
            if (module.isPresent()) {
                return module.get();
            }
        } catch (IOException e) {
            // fall back to the name
        }
        return moduleName(spec.logicalId());
    }

    static String moduleName(String logicalId) {
        String id = logicalId.endsWith("Function")
                ? logicalId.substring(0, logicalId.length() - "Function".length()) : logicalId;
        return id.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String describe(Tiering tiering) {
        return tiering == Tiering.C1 ? "C1 only (-XX:TieredStopAtLevel=1)" : "full tiered (C1 and C2)";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String jdk(Path javaHome) {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(javaHome.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return javaHome.toString();
        }
        return (release.getProperty("IMPLEMENTOR", "") + " " + release.getProperty("JAVA_RUNTIME_VERSION", "?"))
                .replace("\"", "");
    }
}
