package dev.accounts.bench;

import dev.accounts.devkit.DeploymentPackage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The benchmark's output: Markdown tables (they paste into docs/PERFORMANCE.md as they are) and, last, the
 * three lines the goals are checked against:
 * <pre>
 * worst hashing cold-start ratio: &lt;ratio&gt; (&lt;function&gt;)     functions that hash passwords, ÷ SDK baseline
 * worst primed first-call ratio: &lt;ratio&gt; (&lt;function&gt;)     first call after priming ÷ warm median, all functions
 * worst cold-start ratio: &lt;ratio&gt; (&lt;function&gt;)             every other function, ÷ SDK baseline
 * </pre>
 */
final class Report {
    private static final double MIB = 1024 * 1024;
    private static final double MB = 1_000_000;

    private final Subject floor;
    private final Subject sdk;
    private final List<Subject> functions;
    private final Map<Subject, List<ColdSample>> cold;
    private final Map<Subject, List<PrimedSample>> primed;

    Report(Subject floor, Subject sdk, List<Subject> functions, Map<Subject, List<ColdSample>> cold,
           Map<Subject, List<PrimedSample>> primed) {
        this.floor = floor;
        this.sdk = sdk;
        this.functions = functions;
        this.cold = cold;
        this.primed = primed;
    }

    void printColdStarts(PrintStream out) {
        out.println("| subject | package (zip) | jar | memory | cold start, median | min–max | init (to first event) "
                + "| 1st invocation | 2nd (warm) invocation | × floor | × SDK baseline |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Subject> all = new ArrayList<>(List.of(floor, sdk));
        all.addAll(functions);
        for (Subject subject : all) {
            Stats start = coldStat(subject, ColdSample::coldStartMillis);
            out.printf(Locale.ROOT, "| %s | %.2f MB | %.2f MiB | %d MB | %.0f ms | %.0f–%.0f | %.0f ms | %.0f ms | %.1f ms | %.2f | %.2f |%n",
                    label(subject), subject.packageBytes() / MB, subject.jarBytes() / MIB, subject.memoryMb(), start.median(), start.min(),
                    start.max(), coldStat(subject, ColdSample::initMillis).median(),
                    coldStat(subject, ColdSample::firstInvocationMillis).median(),
                    coldStat(subject, ColdSample::warmInvocationMillis).median(),
                    coldRatio(subject, floor), coldRatio(subject, sdk));
        }
    }

    void printPrimed(PrintStream out) {
        out.println("| function | priming hook in package | init + priming | 1st call after priming | warm median "
                + "| 1st − warm | 1st ÷ warm | classes the 1st call loaded |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        List<Subject> rows = new ArrayList<>();
        // the primed floor first, for reference and not a goal: the runtime client's own first call
        primed.keySet().stream().filter(s -> s.role() == Subject.Role.PRIMED_FLOOR).forEach(rows::add);
        rows.addAll(functions);
        for (Subject function : rows) {
            List<PrimedSample> samples = primed.get(function);
            out.printf(Locale.ROOT, "| %s | %s | %.0f ms | %.1f ms | %.1f ms | %+.1f ms | %.2f | %s |%n", label(function),
                    function.hasPrimingHook() ? "yes" : "no",
                    Stats.of(samples.stream().map(PrimedSample::initAndPrimingMillis).toList()).median(),
                    firstCall(function), warmMedian(function), firstCall(function) - warmMedian(function),
                    primedRatio(function), classRange(samples));
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

    /** The package goal, printed just above the three ratio lines. */
    void printLargestPackage(PrintStream out) {
        Subject largest = functions.stream().max(Comparator.comparingLong(Subject::packageBytes)).orElseThrow();
        out.printf(Locale.ROOT, "largest deployment package: %.2f MB (%s), goal ≤ %.0f MB: %s%n",
                largest.packageBytes() / MB, largest.name(), DeploymentPackage.GOAL_BYTES / MB,
                largest.packageBytes() <= DeploymentPackage.GOAL_BYTES ? "met" : "NOT met");
    }

    /** The three goal lines, always last and always in this form. */
    void printVerdict(PrintStream out, boolean primedMeasured) {
        out.println("worst hashing cold-start ratio: " + worst(functions.stream().filter(Subject::hashesPasswords).toList(),
                f -> coldRatio(f, sdk)));
        out.println("worst primed first-call ratio: " + (primedMeasured
                ? worst(functions, this::primedRatio) : "n/a (not measured: --skip-primed)"));
        out.println("worst cold-start ratio: " + worst(functions.stream().filter(f -> !f.hashesPasswords()).toList(),
                f -> coldRatio(f, sdk)));
    }

    double coldRatio(Subject subject, Subject baseline) {
        return coldStat(subject, ColdSample::coldStartMillis).median()
                / coldStat(baseline, ColdSample::coldStartMillis).median();
    }

    double primedRatio(Subject function) {
        return firstCall(function) / warmMedian(function);
    }

    private double firstCall(Subject function) {
        return Stats.of(primed.get(function).stream().map(PrimedSample::firstInvocationMillis).toList()).median();
    }

    private double warmMedian(Subject function) {
        return Stats.of(primed.get(function).stream().flatMap(s -> s.warmInvocationMillis().stream()).toList()).median();
    }

    private Stats coldStat(Subject subject, Function<ColdSample, Double> span) {
        return Stats.of(cold.get(subject).stream().map(span).toList());
    }

    private static String worst(List<Subject> subjects, Function<Subject, Double> ratio) {
        Optional<Subject> worst = subjects.stream().max(Comparator.comparing(ratio));
        return worst.map(s -> String.format(Locale.ROOT, "%.2f (%s)", ratio.apply(s), s.name()))
                .orElse("n/a (none measured)");
    }

    private static String label(Subject subject) {
        return switch (subject.role()) {
            case FLOOR -> "floor: do-nothing handler";
            case PRIMED_FLOOR -> "floor: do-nothing stream handler, primed";
            case SDK_BASELINE -> "SDK baseline: enhanced-client GetItem";
            case FUNCTION -> subject.name() + (subject.hashesPasswords() ? " (hashes)" : "");
        };
    }
}
