package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint runs the real SAM transform offline and checks the result against CloudFormation's resource
 * schemas: misspelled properties, bad references, runtimes Lambda does not have. The SAM CLI is not needed.
 */
class TemplateLintTest {

    private static Path cfnLint;

    @BeforeAll
    static void findCfnLint() {
        Optional<Path> found = onPath("cfn-lint");
        Assumptions.assumeTrue(found.isPresent(),
                "cfn-lint is not on PATH, so template.yaml is not linted: pip install cfn-lint");
        cfnLint = found.get();
    }

    @Test
    void templatePassesCfnLintWithoutErrorsOrWarnings() throws Exception {
        Result result = lint(Repository.file("template.yaml"));
        assertEquals(0, result.exitCode(), "cfn-lint template.yaml:\n" + result.output());
    }

    /** The check above can fail: a template with a runtime Lambda does not offer is refused. */
    @Test
    void cfnLintRefusesABrokenCopyOfTheTemplate(@TempDir Path dir) throws Exception {
        String template = Repository.read("template.yaml");
        assertTrue(template.contains("Runtime: java25"));
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, template.replace("Runtime: java25", "Runtime: java99"));
        Result result = lint(broken);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("java99"), result.output());
    }

    private static Result lint(Path template) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cfn-lint", ".txt");
        try {
            Process process = new ProcessBuilder(cfnLint.toString(), "--", template.toString())
                    .directory(template.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("cfn-lint did not finish within 3 minutes");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Result(int exitCode, String output) {
    }
}
