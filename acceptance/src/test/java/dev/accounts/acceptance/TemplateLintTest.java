package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * cfn-lint runs the real SAM transform offline and checks the result against CloudFormation's resource
 * schemas: misspelled properties, bad references, runtimes Lambda does not have. The SAM CLI is not needed.
 */
class TemplateLintTest {
    /** The repository's templates: the stack, the example a user deploys beside it, and the deploy role's set-up. */
    private static final List<String> TEMPLATES = List.of("template.yaml", "docs/authorizer-example.yaml",
            "docs/github-deploy-role.yaml");

    private static Path cfnLint;
    private static Result lintOfAll;

    @BeforeAll
    static void lintTheTemplates() throws Exception {
        Optional<Path> found = onPath("cfn-lint");
        Assumptions.assumeTrue(found.isPresent(),
                "cfn-lint is not on PATH, so the templates are not linted: pip install cfn-lint");
        cfnLint = found.get();
        // one run for all: cfn-lint's start-up is most of its time
        lintOfAll = lint(Repository.ROOT, TEMPLATES);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TEMPLATES")
    void passesCfnLintWithoutErrorsOrWarnings(String template) {
        assertFalse(hasFindingsFor(lintOfAll, template), "cfn-lint " + template + ":\n" + lintOfAll.output());
        assertTrue(lintOfAll.exitCode() == 0 || TEMPLATES.stream().anyMatch(lintOfAll.output()::contains),
                "cfn-lint failed without a finding:\n" + lintOfAll.output());
    }

    /** The check above can fail: a template with a runtime Lambda does not offer is refused. */
    @Test
    void cfnLintRefusesABrokenCopyOfTheTemplate(@TempDir Path dir) throws Exception {
        String template = Repository.read("template.yaml");
        assertTrue(template.contains("Runtime: java25"));
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, template.replace("Runtime: java25", "Runtime: java99"));
        Result result = lint(dir, List.of(broken.getFileName().toString()));
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("java99"), result.output());
        assertTrue(hasFindingsFor(result, "template.yaml"), result.output());
    }

    /** cfn-lint puts the file, line and column under each of its findings. */
    private static boolean hasFindingsFor(Result result, String template) {
        return Pattern.compile("(?m)^" + Pattern.quote(template) + ":\\d+:\\d+$").matcher(result.output()).find();
    }

    private static Result lint(Path directory, List<String> templates) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cfn-lint", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--"));
            command.addAll(templates);
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
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
