package dev.accounts.bench;

import dev.accounts.core.account.EqualTime;
import dev.accounts.devkit.DeploymentPackage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's output: Markdown tables (they paste into docs/PERFORMANCE.md and docs/COST.md as they are)
 * and, last, the seven lines issue 16's goals are checked against, always in this form and order:
 * <pre>
 * largest deployment package: &lt;MB&gt; (&lt;function&gt;)
 * worst cold-start ratio to the lean SDK floor: &lt;x&gt; (&lt;function&gt;)           functions that do not hash
 * worst hashing cold-start ratio to the lean SDK floor: &lt;x&gt; (&lt;function&gt;)   login, create-account
 * worst restored first-call ratio over the primed floor: &lt;x&gt; (&lt;function&gt;)  see {@link FloorExcess}
 * largest restored first-call excess: &lt;ms&gt; ms (&lt;function&gt;)                 restored first − warm
 * refresh write units per call: &lt;n&gt;
 * monthly cost for 100k users: $&lt;n&gt; (Cognito Lite $&lt;n&gt;, Essentials $&lt;n&gt;)
 * </pre>
 */
final class Report {
    private static final double MIB = 1024 * 1024;
    private static final double MB = 1_000_000;
    static final List<Integer> MEMORY_SIZES = List.of(256, 512, 768, 1024, 1536, 1769, 2048);

    /** The baselines: do-nothing floor, today's SDK baseline, the lean SDK floor; the primed floor is in `primed`. */
    record Baselines(Subject floor, Subject sdk, Subject lean) {
    }

    private final Baselines baselines;
    private final List<Subject> functions;
    private final Map<Subject, List<ColdSample>> cold;
    private final Map<Subject, List<PrimedSample>> primed;
    private final Map<Subject, List<PrimedSample>> restored;

    Report(Baselines baselines, List<Subject> functions, Map<Subject, List<ColdSample>> cold,
           Map<Subject, List<PrimedSample>> primed, Map<Subject, List<PrimedSample>> restored) {
        this.baselines = baselines;
        this.functions = functions;
        this.cold = cold;
        this.primed = primed;
        this.restored = restored;
    }

    void printColdStarts(PrintStream out) {
        out.println("| subject | package (zip) | jar | memory | cold start, median | min–max | init (to first event) "
                + "| 1st invocation | 2nd (warm) invocation | × floor | × SDK baseline | × lean SDK floor |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Subject subject : coldSubjects()) {
            Stats start = coldStat(subject, ColdSample::coldStartMillis);
            out.printf(Locale.ROOT, "| %s | %.2f MB | %.2f MiB | %d MB | %.0f ms | %.0f–%.0f | %.0f ms | %.0f ms | %.1f ms | %.2f | %.2f | %.2f |%n",
                    label(subject), subject.packageBytes() / MB, subject.jarBytes() / MIB, subject.memoryMb(), start.median(), start.min(),
                    start.max(), coldStat(subject, ColdSample::initMillis).median(),
                    coldStat(subject, ColdSample::firstInvocationMillis).median(),
                    coldStat(subject, ColdSample::warmInvocationMillis).median(),
                    coldRatio(subject, baselines.floor()), coldRatio(subject, baselines.sdk()),
                    coldRatio(subject, baselines.lean()));
        }
        List<String> held = functions.stream().filter(this::heldToEqualTime).map(Subject::name).toList();
        if (!held.isEmpty()) {
            out.printf(Locale.ROOT, "%nNot in the cold-start goal lines: %s (every answer, the first included, is held to "
                    + "the %d ms equal-time floor, so their cold start is mostly that wait).%n", String.join(", ", held),
                    EqualTime.STANDARD.toMillis());
        }
    }

    /**
     * A function whose warm answers take at least the equal-time floor (password reset, resend-email: an address
     * with an account answers no sooner than one without): its cold start measures the wait, not its start.
     */
    boolean heldToEqualTime(Subject function) {
        return heldToEqualTime(coldStat(function, ColdSample::warmInvocationMillis).median());
    }

    private static boolean heldToEqualTime(double warmMillis) {
        return warmMillis >= EqualTime.STANDARD.toMillis();
    }

    List<Subject> coldSubjects() {
        List<Subject> all = new ArrayList<>(List.of(baselines.floor(), baselines.sdk(), baselines.lean()));
        all.addAll(functions);
        return all;
    }

    void printPrimed(PrintStream out) {
        out.println("| function | priming hook in package | init + priming | 1st call after priming (min–max) "
                + "| warm median | 1st − warm | (1st − floor 1st) ÷ (warm − floor warm) | classes the 1st call loaded |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Subject function : primedRows()) {
            List<PrimedSample> samples = primed.get(function);
            Stats first = firstCalls(samples);
            FloorExcess excess = excess(function, primed);
            out.printf(Locale.ROOT, "| %s | %s | %.0f ms | %.1f ms (%.1f–%.1f) | %.1f ms | %+.1f ms | %s | %s |%n",
                    label(function), function.hasPrimingHook() ? "yes" : "no",
                    Stats.of(samples.stream().map(PrimedSample::initAndPrimingMillis).toList()).median(),
                    first.median(), first.min(), first.max(), warmMedian(function), excess.excessMillis(),
                    function.role() == Subject.Role.PRIMED_FLOOR ? "(floor)" : String.format(Locale.ROOT, "%.2f", excess.ratio()),
                    classRange(samples));
        }
    }

    void printRestored(PrintStream out) {
        out.println("| function | 1st call after the restore stand-in (min–max) | of it in AWS calls | AWS calls "
                + "(failed) | warm median (same JVMs) | 1st − warm | (1st − floor 1st) ÷ (warm − floor warm) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Subject function : functions) {
            List<PrimedSample> samples = restored.get(function);
            Stats first = firstCalls(samples);
            FloorExcess excess = excess(function, restored);
            out.printf(Locale.ROOT, "| %s | %.1f ms (%.1f–%.1f) | %.1f ms | %s (%s) | %.1f ms | %+.1f ms | %.2f |%n",
                    label(function), first.median(), first.min(), first.max(),
                    median(samples, s -> s.firstCallAws().awsMillis()),
                    range(samples, s -> s.firstCallAws().calls().size()), range(samples, s -> s.firstCallAws().failed()),
                    Stats.of(warm(samples)).median(), excess.excessMillis(), excess.ratio());
        }
    }

    void printOwnTime(PrintStream out) {
        out.println("| function | warm p50 | warm p99 | AWS calls per call | in AWS calls, p50 | own time p50 | own time p99 |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Subject function : primedRows()) {
            List<Double> warm = warm(function);
            List<Double> own = new ArrayList<>();
            List<Double> aws = new ArrayList<>();
            List<Double> calls = new ArrayList<>();
            for (PrimedSample sample : primed.get(function)) {
                for (int i = 0; i < sample.warmInvocationMillis().size(); i++) {
                    own.add(sample.warmOwnMillis(i));
                    aws.add(sample.warmAws().get(i).awsMillis());
                    calls.add((double) sample.warmAws().get(i).calls().size());
                }
            }
            out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.0f | %.2f ms | %.2f ms | %.2f ms |%n", label(function),
                    Stats.of(warm).median(), Stats.percentile(warm, 99), Stats.of(calls).median(),
                    Stats.of(aws).median(), Stats.of(own).median(), Stats.percentile(own, 99));
        }
    }

    void printCapacity(PrintStream out) {
        out.println("| function | DynamoDB calls per warm call | read units | write units | largest item seen |");
        out.println("|---|---|---:|---:|---:|");
        for (Subject function : functions) {
            List<AwsCallLog.Window> windows = warmWindows(function);
            AwsCallLog.Window typical = windows.isEmpty() ? new AwsCallLog.Window(List.of()) : windows.get(windows.size() / 2);
            String operations = String.join(" + ", typical.calls().stream()
                    .filter(c -> c.service().equalsIgnoreCase("DynamoDB")).map(AwsCallLog.Call::operation).toList());
            out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %d B |%n", function.name(),
                    operations.isEmpty() ? "none" : operations, profile(function).readUnits(),
                    profile(function).writeUnits(),
                    windows.stream().mapToInt(AwsCallLog.Window::largestItemBytes).max().orElse(0));
        }
    }

    void printCost(PrintStream out) {
        out.println("| function | memory (template) | AWS calls | own time | modelled Lambda duration | "
                + "per million calls: Lambda | + API Gateway + DynamoDB |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Subject function : functions) {
            CostModel.CallProfile p = profile(function);
            out.printf(Locale.ROOT, "| %s | %d MB | %.2f ms | %.2f ms | %.0f ms | $%.2f | $%.2f |%n", function.name(),
                    function.memoryMb(), p.awsMillis(), p.ownMillis(), p.billedMillis(function.memoryMb()),
                    p.lambdaDollars(function.memoryMb()) * MB, p.dollars(function.memoryMb()) * MB);
        }
        named("login").flatMap(login -> named("refresh").map(refresh -> CostModel.month(profile(login),
                login.memoryMb(), profile(refresh), refresh.memoryMb()))).ifPresent(month -> {
            out.println();
            out.printf(Locale.ROOT, "Monthly, %,d users × (%d logins + %d refreshes): Lambda $%.2f, API Gateway $%.2f, "
                            + "DynamoDB $%.2f, total $%.2f; Cognito Lite $%.2f, Essentials $%.2f.%n", CostModel.USERS,
                    CostModel.LOGINS_PER_USER, CostModel.REFRESHES_PER_USER, month.lambda(), month.apiGateway(),
                    month.dynamoDb(), month.total(), CostModel.cognitoLite(), CostModel.cognitoEssentials());
        });
    }

    void printMemorySizes(PrintStream out) {
        StringBuilder header = new StringBuilder("| function |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int memory : MEMORY_SIZES) {
            header.append(' ').append(memory).append(" MB |");
            rule.append("---:|");
        }
        out.println(header);
        out.println(rule);
        for (String name : List.of("login", "refresh")) {
            named(name).ifPresent(function -> {
                CostModel.CallProfile p = profile(function);
                StringBuilder row = new StringBuilder("| " + name + " (template " + function.memoryMb() + " MB) |");
                for (int memory : MEMORY_SIZES) {
                    row.append(String.format(Locale.ROOT, " %.0f ms, $%.2f |", p.billedMillis(memory),
                            p.lambdaDollars(memory) * MB));
                }
                out.println(row);
            });
        }
    }

    /** Classes loaded by the first call after priming, over the JVMs: "0", or "2–5" when they differ. */
    static String classRange(List<PrimedSample> samples) {
        var counts = samples.stream().mapToInt(PrimedSample::firstCallClasses).summaryStatistics();
        if (counts.getCount() == 0 || counts.getMin() < 0) {
            return "n/a";
        }
        return counts.getMin() == counts.getMax() ? Integer.toString(counts.getMin())
                : counts.getMin() + "–" + counts.getMax();
    }

    /** The package goal, with its verdict, for the text above the seven lines. */
    void printPackageGoal(PrintStream out) {
        Subject largest = largestPackage();
        out.printf(Locale.ROOT, "Largest deployment package %.2f MB (%s), goal ≤ %.0f MB: %s.%n",
                largest.packageBytes() / MB, largest.name(), DeploymentPackage.GOAL_BYTES / MB,
                largest.packageBytes() <= DeploymentPackage.GOAL_BYTES ? "met" : "NOT met");
    }

    /** The seven goal lines, always last and always in this form. */
    void printVerdict(PrintStream out) {
        Subject largest = largestPackage();
        out.printf(Locale.ROOT, "largest deployment package: %.2f MB (%s)%n", largest.packageBytes() / MB, largest.name());
        List<Subject> starting = functions.stream().filter(f -> !heldToEqualTime(f)).toList();
        out.println("worst cold-start ratio to the lean SDK floor: " + worst(
                starting.stream().filter(f -> !f.hashesPasswords()).toList(), f -> coldRatio(f, baselines.lean()), "%.2f"));
        out.println("worst hashing cold-start ratio to the lean SDK floor: " + worst(
                starting.stream().filter(Subject::hashesPasswords).toList(), f -> coldRatio(f, baselines.lean()), "%.2f"));
        boolean restoredMeasured = !restored.isEmpty() && primedFloor().isPresent();
        out.println("worst restored first-call ratio over the primed floor: " + (restoredMeasured
                ? worst(functions, f -> excess(f, restored).ratio(), "%.2f") : "n/a (not measured)"));
        out.println("largest restored first-call excess: " + (restoredMeasured
                ? worst(functions, f -> excess(f, restored).excessMillis(), "%.1f ms") : "n/a (not measured)"));
        out.println("refresh write units per call: " + named("refresh").filter(f -> primed.containsKey(f))
                .map(f -> String.format(Locale.ROOT, "%.0f", profile(f).writeUnits())).orElse("n/a (not measured)"));
        Optional<CostModel.Month> month = named("login").filter(primed::containsKey).flatMap(login -> named("refresh")
                .filter(primed::containsKey).map(refresh -> CostModel.month(profile(login), login.memoryMb(),
                        profile(refresh), refresh.memoryMb())));
        out.println("monthly cost for 100k users: " + month.map(m -> String.format(Locale.ROOT, "$%.0f", m.total()))
                .orElse("n/a (login and refresh not measured primed)")
                + String.format(Locale.ROOT, " (Cognito Lite $%.0f, Essentials $%.0f)", CostModel.cognitoLite(),
                CostModel.cognitoEssentials()));
    }

    double coldRatio(Subject subject, Subject baseline) {
        return coldStat(subject, ColdSample::coldStartMillis).median()
                / coldStat(baseline, ColdSample::coldStartMillis).median();
    }

    /**
     * A function's first call in `runs` (primed or restored) against the warm median of the same JVMs (the
     * restored ones reach storage over TLS, so their warm calls pay what their first pays apart from the
     * restore), above the primed floor's.
     */
    FloorExcess excess(Subject function, Map<Subject, List<PrimedSample>> runs) {
        Subject floor = primedFloor().orElseThrow();
        return new FloorExcess(firstCalls(runs.get(function)).median(), Stats.of(warm(runs.get(function))).median(),
                firstCalls(primed.get(floor)).median(), warmMedian(floor));
    }

    /** What one warm call of `function` takes and consumes: medians over every primed JVM's warm calls. */
    CostModel.CallProfile profile(Subject function) {
        List<AwsCallLog.Window> windows = warmWindows(function);
        double warm = warmMedian(function);
        List<Double> own = new ArrayList<>();
        for (PrimedSample sample : primed.get(function)) {
            for (int i = 0; i < sample.warmInvocationMillis().size(); i++) {
                own.add(sample.warmOwnMillis(i));
            }
        }
        return new CostModel.CallProfile(Stats.of(windows.stream().map(AwsCallLog.Window::awsMillis).toList()).median(),
                Stats.of(own).median(), Stats.of(windows.stream().map(AwsCallLog.Window::readUnits).toList()).median(),
                Stats.of(windows.stream().map(AwsCallLog.Window::writeUnits).toList()).median(),
                heldToEqualTime(warm) ? warm : 0);
    }

    Stats coldStat(Subject subject, Function<ColdSample, Double> span) {
        return Stats.of(cold.get(subject).stream().map(span).toList());
    }

    Optional<Subject> primedFloor() {
        return primed.keySet().stream().filter(s -> s.role() == Subject.Role.PRIMED_FLOOR).findFirst();
    }

    List<Subject> primedRows() {
        List<Subject> rows = new ArrayList<>();
        primedFloor().ifPresent(rows::add); // for reference: what the runtime client alone costs
        rows.addAll(functions);
        return rows;
    }

    /** Every cold start of `subject`, in ms (for the chart). */
    List<Double> coldStarts(Subject subject) {
        return cold.get(subject).stream().map(ColdSample::coldStartMillis).toList();
    }

    /** Every first call after the restore stand-in of `function`, or after priming for the primed floor; none for others. */
    List<Double> restoredFirstCalls(Subject function) {
        List<PrimedSample> samples = function.role() == Subject.Role.PRIMED_FLOOR ? primed.get(function)
                : restored.get(function);
        return samples == null ? List.of() : samples.stream().map(PrimedSample::firstInvocationMillis).toList();
    }

    List<Subject> functions() {
        return functions;
    }

    private Subject largestPackage() {
        return functions.stream().max(Comparator.comparingLong(Subject::packageBytes)).orElseThrow();
    }

    private Optional<Subject> named(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private List<AwsCallLog.Window> warmWindows(Subject function) {
        return primed.get(function).stream().flatMap(s -> s.warmAws().stream()).toList();
    }

    private List<Double> warm(Subject function) {
        return warm(primed.get(function));
    }

    private static List<Double> warm(List<PrimedSample> samples) {
        return samples.stream().flatMap(s -> s.warmInvocationMillis().stream()).toList();
    }

    private double warmMedian(Subject function) {
        return Stats.of(warm(function)).median();
    }

    private static Stats firstCalls(List<PrimedSample> samples) {
        return Stats.of(samples.stream().map(PrimedSample::firstInvocationMillis).toList());
    }

    private static double median(List<PrimedSample> samples, ToDoubleFunction<PrimedSample> value) {
        return Stats.of(samples.stream().map(s -> value.applyAsDouble(s)).toList()).median();
    }

    private static String range(List<PrimedSample> samples, ToDoubleFunction<PrimedSample> value) {
        var stats = samples.stream().mapToDouble(value).summaryStatistics();
        return stats.getMin() == stats.getMax() ? String.format(Locale.ROOT, "%.0f", stats.getMin())
                : String.format(Locale.ROOT, "%.0f–%.0f", stats.getMin(), stats.getMax());
    }

    private static String worst(List<Subject> subjects, Function<Subject, Double> value, String format) {
        Optional<Subject> worst = subjects.stream().max(Comparator.comparing(value));
        return worst.map(s -> String.format(Locale.ROOT, format + " (%s)", value.apply(s), s.name()))
                .orElse("n/a (none measured)");
    }

    static String label(Subject subject) {
        return switch (subject.role()) {
            case FLOOR -> "floor: do-nothing handler";
            case PRIMED_FLOOR -> "floor: do-nothing stream handler, primed";
            case SDK_BASELINE -> "SDK baseline: events-typed handler, enhanced-client GetItem";
            case LEAN_FLOOR -> "lean SDK floor: stream handler, Jackson, enhanced-client GetItem";
            case FUNCTION -> subject.name() + (subject.hashesPasswords() ? " (hashes)" : "");
        };
    }
}
