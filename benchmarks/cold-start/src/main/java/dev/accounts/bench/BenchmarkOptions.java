package dev.accounts.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run of the benchmark measures and how; read from the command line (see {@link #USAGE}).
 * Paths default to the places the Maven build puts things, relative to the repository root.
 */
record BenchmarkOptions(
        Path repository,
        Path javaHome,
        int coldRuns,
        int primedRuns,
        int primedWarmInvocations,
        Set<String> functions,
        PackageLayout layout,
        Tiering coldTiering,
        Tiering primedTiering,
        List<String> extraJvmOptions,
        boolean skipPrimed,
        boolean skipRestored,
        Optional<Path> packageDirectory,
        Path logDirectory,
        Optional<Path> chart) {

    static final String USAGE = """
            usage: run-cold-start.sh [options]
              --runs N                 cold starts per function and baseline (default 5)
              --quick                  2 cold starts each, 2 primed and 2 restored JVMs with 5 warm calls (for CI)
              --primed-runs N          JVMs per function for the SnapStart stand-in, and again for the restore
                                       stand-in (default 9, the least the documented full run uses)
              --primed-invocations N   warm calls after the first primed one (default 30)
              --functions a,b          only these functions (module names, e.g. login,refresh)
              --layout lib-jar|exploded   lib-jar: /var/task/lib/<name>.jar as `sam build` packages it (default);
                                       exploded: the jar's entries unpacked into /var/task
              --cold-tiering c1|full   JIT for cold starts (default c1: Lambda's -XX:TieredStopAtLevel=1)
              --primed-tiering c1|full JIT for the SnapStart stand-in (default full, as java25 does for SnapStart)
              --jvm-option OPT         appended to every function JVM (repeatable), e.g. -Xlog:class+load:file=...
              --skip-primed            cold starts only
              --skip-restored          no restore stand-in (relay restarted, key cache stale, TLS)
              --chart FILE             also draw the cold starts and restored first calls as a PNG chart
              --java-home DIR          the JDK that runs the functions (default: the one running this)
              --repo DIR               repository root (default: found from the working directory)
              --logs DIR               where each JVM's output goes (default: a new temporary directory)
              --packages DIR           take <function>.jar from DIR instead of functions/<function>/target/
                                       (to measure a trimmed or otherwise changed package before changing the build)
            """;

    /** Where the function JVMs' class path comes from: as `sam build` packs it, or unpacked. */
    enum PackageLayout {
        LIB_JAR, EXPLODED;

        static PackageLayout parse(String text) {
            return switch (text) {
                case "lib-jar" -> LIB_JAR;
                case "exploded" -> EXPLODED;
                default -> throw new IllegalArgumentException("--layout is lib-jar or exploded, not " + text);
            };
        }
    }

    /** C1 only (Lambda's default for on-demand starts) or the JVM's full tiered compilation. */
    enum Tiering {
        C1, FULL;

        static Tiering parse(String text) {
            return switch (text) {
                case "c1" -> C1;
                case "full" -> FULL;
                default -> throw new IllegalArgumentException("tiering is c1 or full, not " + text);
            };
        }
    }

    static BenchmarkOptions parse(String[] args, Path defaultRepository, Path defaultJavaHome, Path defaultLogs) {
        Path repository = defaultRepository;
        Path javaHome = defaultJavaHome;
        int coldRuns = 5;
        int primedRuns = 9;
        int primedWarm = 30;
        Set<String> functions = new LinkedHashSet<>();
        PackageLayout layout = PackageLayout.LIB_JAR;
        Tiering coldTiering = Tiering.C1;
        Tiering primedTiering = Tiering.FULL;
        List<String> extra = new ArrayList<>();
        boolean skipPrimed = false;
        boolean skipRestored = false;
        Path logs = defaultLogs;
        Path packages = null;
        Path chart = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--runs" -> coldRuns = positive(arg, value(args, ++i, arg));
                case "--quick" -> {
                    coldRuns = 2;
                    primedRuns = 2;
                    primedWarm = 5;
                }
                case "--primed-runs" -> primedRuns = positive(arg, value(args, ++i, arg));
                case "--primed-invocations" -> primedWarm = positive(arg, value(args, ++i, arg));
                case "--functions" -> functions.addAll(List.of(value(args, ++i, arg).split(",")));
                case "--layout" -> layout = PackageLayout.parse(value(args, ++i, arg));
                case "--cold-tiering" -> coldTiering = Tiering.parse(value(args, ++i, arg));
                case "--primed-tiering" -> primedTiering = Tiering.parse(value(args, ++i, arg));
                case "--jvm-option" -> extra.add(value(args, ++i, arg));
                case "--skip-primed" -> skipPrimed = true;
                case "--skip-restored" -> skipRestored = true;
                case "--chart" -> chart = Path.of(value(args, ++i, arg));
                case "--java-home" -> javaHome = Path.of(value(args, ++i, arg));
                case "--repo" -> repository = Path.of(value(args, ++i, arg));
                case "--logs" -> logs = Path.of(value(args, ++i, arg));
                case "--packages" -> packages = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchmarkOptions(repository.toAbsolutePath().normalize(), javaHome, coldRuns, primedRuns, primedWarm,
                Set.copyOf(functions), layout, coldTiering, primedTiering, List.copyOf(extra), skipPrimed,
                skipPrimed || skipRestored, Optional.ofNullable(packages), logs, Optional.ofNullable(chart));
    }

    /** The deployment jar of a function module: as built, or from --packages. */
    Path deploymentJar(String module) {
        return packageDirectory.map(dir -> dir.resolve(module + ".jar"))
                .orElse(repository.resolve("functions").resolve(module).resolve("target").resolve(module + ".jar"));
    }

    boolean selects(String function) {
        return functions.isEmpty() || functions.contains(function);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int positive(String option, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number above 0, not " + text);
    }
}
