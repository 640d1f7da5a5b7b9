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

/** The three last lines are what the goals are checked against; their form must not drift. */
class ReportTest {
    @TempDir
    Path directory;

    @Test
    void verdictNamesTheWorstFunctionOfEachKindAgainstTheSdkBaseline() throws IOException {
        Subject floor = subject("baseline-noop", Subject.Role.FLOOR, false);
        Subject sdk = subject("baseline-sdk", Subject.Role.SDK_BASELINE, false);
        Subject login = subject("login", Subject.Role.FUNCTION, true);
        Subject createAccount = subject("create-account", Subject.Role.FUNCTION, true);
        Subject refresh = subject("refresh", Subject.Role.FUNCTION, false);
        Subject logout = subject("logout", Subject.Role.FUNCTION, false);
        Map<Subject, List<ColdSample>> cold = new LinkedHashMap<>();
        cold.put(floor, cold(300, 310, 290));
        cold.put(sdk, cold(600, 660, 700));          // median 660
        cold.put(login, cold(1100, 1200, 1000));     // 1100 / 660 = 1.67
        cold.put(createAccount, cold(1150, 1180, 1170)); // 1170 / 660 = 1.77
        cold.put(refresh, cold(800, 790, 810));      // 800 / 660 = 1.21
        cold.put(logout, cold(700, 720, 710));       // 710 / 660 = 1.08
        Map<Subject, List<PrimedSample>> primed = new LinkedHashMap<>();
        primed.put(login, List.of(new PrimedSample(900, 60, List.of(40.0, 40.0, 50.0), 0))); // 1.50
        primed.put(createAccount, List.of(new PrimedSample(900, 44, List.of(40.0, 40.0), 0))); // 1.10
        primed.put(refresh, List.of(new PrimedSample(900, 20, List.of(4.0, 5.0, 6.0), 0)));  // 4.00
        primed.put(logout, List.of(new PrimedSample(900, 6, List.of(4.0, 4.0), 0)));        // 1.50

        String[] lines = print(new Report(floor, sdk, List.of(login, createAccount, refresh, logout), cold, primed));

        assertEquals(List.of(
                "worst hashing cold-start ratio: 1.77 (create-account)",
                "worst primed first-call ratio: 4.00 (refresh)",
                "worst cold-start ratio: 1.21 (refresh)"), List.of(lines));
    }

    @Test
    void packageLineNamesTheLargestZippedPackageAndSaysWhetherTheGoalHolds() throws IOException {
        Subject small = subject("jwks", Subject.Role.FUNCTION, false);
        Subject large = subjectWith("login", incompressible(300_000));
        Report report = new Report(small, small, List.of(small, large), Map.of(), Map.of());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printLargestPackage(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("largest deployment package: 0\\.30 MB \\(login\\), goal ≤ 10 MB: met"), line);
    }

    @Test
    void classesTheFirstCallLoadedAreOneFigureOrARangeOverTheJvms() {
        assertEquals("0", Report.classRange(List.of(sample(0), sample(0))));
        assertEquals("1–4", Report.classRange(List.of(sample(4), sample(1), sample(2))));
        assertEquals("n/a", Report.classRange(List.of(sample(3), sample(-1))), "a JVM whose classes were not logged");
    }

    private static PrimedSample sample(int classes) {
        return new PrimedSample(900, 5, List.of(4.0), classes);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.of(List.of(4.0, 1.0, 3.0, 2.0)).median());
        assertEquals(3.0, Stats.of(List.of(5.0, 1.0, 3.0)).median());
    }

    private static String[] print(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printVerdict(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
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
