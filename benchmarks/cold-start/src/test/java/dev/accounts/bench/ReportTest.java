package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seven last lines are what issue 16's goals are checked against; their form must not drift. */
class ReportTest {
    @TempDir
    Path directory;

    @Test
    void theSevenLinesNameTheWorstFunctionOfEachKindAgainstTheLeanFloorAndThePrimedFloor() throws IOException {
        Subject floor = subject("baseline-noop", Subject.Role.FLOOR, false);
        Subject sdk = subject("baseline-sdk", Subject.Role.SDK_BASELINE, false);
        Subject lean = subject("baseline-lean", Subject.Role.LEAN_FLOOR, false);
        Subject primedFloor = subject("baseline-noop-stream", Subject.Role.PRIMED_FLOOR, false);
        Subject login = subject("login", Subject.Role.FUNCTION, true);
        Subject createAccount = subject("create-account", Subject.Role.FUNCTION, true);
        Subject refresh = subject("refresh", Subject.Role.FUNCTION, false);
        Subject logout = subject("logout", Subject.Role.FUNCTION, false);
        Subject passwordReset = subject("password-reset", Subject.Role.FUNCTION, false);
        Map<Subject, List<ColdSample>> cold = new LinkedHashMap<>();
        cold.put(floor, cold(300, 310, 290));
        cold.put(sdk, cold(600, 660, 700));
        cold.put(lean, cold(500, 550, 450));          // median 500
        cold.put(login, cold(1100, 1200, 1000));     // 1100 / 500 = 2.20
        cold.put(createAccount, cold(1150, 1180, 1170)); // 1170 / 500 = 2.34
        cold.put(refresh, cold(800, 790, 810));      // 800 / 500 = 1.60
        cold.put(logout, cold(700, 720, 710));       // 710 / 500 = 1.42
        // every answer held to the equal-time floor (warm 1200 ms): 1500 / 500 = 3.00, yet not in the lines
        cold.put(passwordReset, List.of(new ColdSample(400, 1500, 1300, 1200), new ColdSample(400, 1500, 1300, 1201)));
        Map<Subject, List<PrimedSample>> primed = new LinkedHashMap<>();
        primed.put(primedFloor, List.of(sample(3, List.of(1.0, 1.0), 0)));       // floor: first 3, warm 1
        primed.put(login, List.of(sample(60, List.of(40.0, 40.0, 50.0), 1)));   // warm 40
        primed.put(createAccount, List.of(sample(44, List.of(40.0, 40.0), 1))); // warm 40
        primed.put(refresh, List.of(sample(20, List.of(4.0, 5.0, 6.0), 8)));    // warm 5, 8 write units a call
        primed.put(logout, List.of(sample(6, List.of(2.0, 2.0), 1)));          // warm 2 (over TLS, 4: below)
        Map<Subject, List<PrimedSample>> restored = new LinkedHashMap<>();
        // against the restored JVMs' own warm calls (over TLS), not the primed ones'
        restored.put(login, List.of(sample(81, List.of(40.0, 41.0, 39.0), 0)));       // (81 − 3) ÷ (40 − 1) = 2.00, +41 ms
        restored.put(createAccount, List.of(sample(50, List.of(40.0, 40.0), 0)));     // 47 ÷ 39 = 1.21, +10 ms
        restored.put(refresh, List.of(sample(19, List.of(5.0, 5.0), 0)));             // 16 ÷ 4 = 4.00, +14 ms
        restored.put(logout, List.of(sample(12, List.of(4.0, 4.0, 4.0), 0)));         // 9 ÷ 3 = 3.00, +8 ms
        primed.put(passwordReset, List.of(sample(1205, List.of(1203.0, 1203.0), 0)));
        restored.put(passwordReset, List.of(sample(1206, List.of(1203.0, 1203.0), 0))); // 1203 ÷ 1202 = 1.00, +3 ms

        String[] lines = print(new Report(new Report.Baselines(floor, sdk, lean),
                List.of(login, createAccount, refresh, logout, passwordReset), cold, primed, restored));

        assertEquals(7, lines.length);
        assertTrue(lines[0].startsWith("largest deployment package: 0.00 MB ("), lines[0]);
        assertEquals(List.of(
                "worst cold-start ratio to the lean SDK floor: 1.60 (refresh)",
                "worst hashing cold-start ratio to the lean SDK floor: 2.34 (create-account)",
                "worst restored first-call ratio over the primed floor: 4.00 (refresh)",
                "largest restored first-call excess: 41.0 ms (login)",
                "refresh write units per call: 8"), List.of(lines).subList(1, 6));
        assertTrue(lines[6].matches("monthly cost for 100k users: \\$\\d+ \\(Cognito Lite \\$495, Essentials \\$1350\\)"),
                lines[6]);
    }

    @Test
    void theChartIsAPngOfEveryColdStartAndRestoredFirstCall() throws IOException {
        Subject floor = subject("baseline-noop", Subject.Role.FLOOR, false);
        Subject sdk = subject("baseline-sdk", Subject.Role.SDK_BASELINE, false);
        Subject lean = subject("baseline-lean", Subject.Role.LEAN_FLOOR, false);
        Subject primedFloor = subject("baseline-noop-stream", Subject.Role.PRIMED_FLOOR, false);
        Subject login = subject("login", Subject.Role.FUNCTION, true);
        Map<Subject, List<ColdSample>> cold = Map.of(floor, cold(300, 310), sdk, cold(600, 660), lean, cold(500, 550),
                login, cold(1100, 1200));
        Report report = new Report(new Report.Baselines(floor, sdk, lean), List.of(login), cold,
                Map.of(primedFloor, List.of(sample(3, List.of(1.0), 0)), login, List.of(sample(60, List.of(40.0), 1))),
                Map.of(login, List.of(sample(80, List.of(), 0), sample(90, List.of(), 0))));
        Path png = directory.resolve("charts/chart.png");

        Chart.write(report, png);

        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000, "an image, not an empty file");
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                List.of(bytes[0], bytes[1], bytes[2], bytes[3]));
    }

    /** A primed JVM whose every warm call wrote `writeUnits` and spent 1 ms in one DynamoDB call. */
    private static PrimedSample sample(double first, List<Double> warm, double writeUnits) {
        List<AwsCallLog.Window> windows = new java.util.ArrayList<>();
        windows.add(new AwsCallLog.Window(List.of()));
        for (int i = 0; i < warm.size(); i++) {
            windows.add(new AwsCallLog.Window(List.of(new AwsCallLog.Call(0, 1_000_000, "DynamoDB",
                    "TransactWriteItems", 0, writeUnits, 200, true))));
        }
        return new PrimedSample(900, first, warm, 0, windows);
    }

    @Test
    void packageLineNamesTheLargestZippedPackageAndSaysWhetherTheGoalHolds() throws IOException {
        Subject small = subject("jwks", Subject.Role.FUNCTION, false);
        Subject large = subjectWith("login", incompressible(300_000));
        Report report = new Report(new Report.Baselines(small, small, small), List.of(small, large), Map.of(),
                Map.of(), Map.of());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printPackageGoal(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("Largest deployment package 0\\.30 MB \\(login\\), goal ≤ 10 MB: met\\."), line);
    }

    @Test
    void classesTheFirstCallLoadedAreOneFigureOrARangeOverTheJvms() {
        assertEquals("0", Report.classRange(List.of(sample(0), sample(0))));
        assertEquals("1–4", Report.classRange(List.of(sample(4), sample(1), sample(2))));
        assertEquals("n/a", Report.classRange(List.of(sample(3), sample(-1))), "a JVM whose classes were not logged");
    }

    private static PrimedSample sample(int classes) {
        return new PrimedSample(900, 5, List.of(4.0), classes, List.of());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.of(List.of(4.0, 1.0, 3.0, 2.0)).median());
        assertEquals(3.0, Stats.of(List.of(5.0, 1.0, 3.0)).median());
    }

    @Test
    void percentileIsTheNearestRank() {
        List<Double> hundred = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertEquals(99.0, Stats.percentile(hundred, 99));
        assertEquals(50.0, Stats.percentile(hundred, 50));
        assertEquals(7.0, Stats.percentile(List.of(7.0, 3.0), 99), "with few samples, p99 is the largest");
    }

    private static String[] print(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printVerdict(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).split("\n");
    }

    private static List<ColdSample> cold(double... starts) {
        return java.util.Arrays.stream(starts).mapToObj(ms -> new ColdSample(ms - 100, ms, 50, 5)).toList();
    }

    private static byte[] incompressible(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    private Subject subjectWith(String name, byte[] content) throws IOException {
        Path jar = directory.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("dev/accounts/Data.bin"));
            out.write(content);
            out.closeEntry();
        }
        return new Subject(name, Subject.Role.FUNCTION, "a.B::handleRequest", jar, 512, Map.of(), () -> "{}");
    }

    /** A deployment jar that carries the password hasher or not: what decides the "hashing" group. */
    private Subject subject(String name, Subject.Role role, boolean withHasher) throws IOException {
        Path jar = directory.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(withHasher ? "com/password4j/Password.class" : "dev/accounts/Some.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        return new Subject(name, role, "a.B::handleRequest", jar, 512, Map.of(), () -> "{}");
    }
}
