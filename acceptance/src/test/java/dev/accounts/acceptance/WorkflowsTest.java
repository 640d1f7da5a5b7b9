package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What matters in the GitHub Actions workflows: when they run, what they may do, what they run, and that no
 * credential sits in them. CI tests every push on JDK 25; deploy tests, then deploys each stage through OIDC
 * with samconfig.toml and smoke-tests it.
 */
class WorkflowsTest {
    private static final Workflow CI = Workflow.load("ci.yml");
    private static final Workflow DEPLOY = Workflow.load("deploy.yml");
    private static final Workflow DEPLOY_STAGE = Workflow.load("deploy-stage.yml");
    private static final String REUSABLE_CI = "./.github/workflows/ci.yml";
    private static final String REUSABLE_DEPLOY_STAGE = "./.github/workflows/deploy-stage.yml";

    static Stream<String> workflowFiles() throws IOException {
        try (Stream<Path> files = Files.list(Repository.file(Workflow.DIRECTORY))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void theWorkflowsAreTheThreeTestedHere() throws IOException {
        assertEquals(List.of("ci.yml", "deploy-stage.yml", "deploy.yml"), workflowFiles().toList(),
                "a new workflow needs its facts checked here");
    }

    /** The shape GitHub requires of every workflow: a name, triggers, jobs that run steps or call a workflow. */
    @ParameterizedTest
    @MethodSource("workflowFiles")
    void isAWellFormedWorkflow(String file) {
        Workflow workflow = Workflow.load(file);
        assertFalse(workflow.root.path("name").asText().isBlank(), file + " name");
        assertTrue(workflow.triggers().isObject() && !workflow.triggers().isEmpty(), file + " has no `on`");
        assertFalse(workflow.jobs().isEmpty(), file + " has no jobs");
        workflow.jobs().forEach((id, job) -> {
            if (job.has("uses")) {
                String called = job.path("uses").asText();
                assertTrue(called.startsWith("./.github/workflows/"), file + " " + id + " calls " + called);
                assertTrue(Files.isRegularFile(Repository.file(called.substring(2))), file + " " + id + ": no " + called);
                assertFalse(job.has("steps"), file + " " + id + ": a job calling a workflow has no steps");
            } else {
                assertFalse(job.path("runs-on").asText().isBlank(), file + " " + id + " runs-on");
                assertTrue(job.path("timeout-minutes").asInt() > 0, file + " " + id + " needs a timeout");
                assertFalse(workflow.steps(id).isEmpty(), file + " " + id + " has no steps");
                workflow.steps(id).forEach(step -> assertTrue(step.has("uses") ^ step.has("run"),
                        file + " " + id + ": a step either uses an action or runs a command: " + step));
            }
        });
    }

    /**
     * actionlint knows GitHub's schema and expression contexts (a misspelt input, a context used where it is not
     * available, a reusable workflow called with an input it lacks). Skipped without it on PATH.
     */
    @Test
    void passesActionlint() throws Exception {
        Optional<Path> actionlint = TemplateLintTest.onPath("actionlint");
        Assumptions.assumeTrue(actionlint.isPresent(),
                "actionlint is not on PATH, so the workflows are not linted against GitHub's schema");
        Path output = Files.createTempFile("actionlint", ".txt");
        try {
            Process process = new ProcessBuilder(actionlint.get().toString()).directory(Repository.ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "actionlint did not finish");
            assertEquals(0, process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** A tag that names a version (v4, v4.2.1) or a commit: never a branch that can change under us. */
    @ParameterizedTest
    @MethodSource("workflowFiles")
    void everyActionIsPinnedToAVersion(String file) {
        for (String action : Workflow.load(file).actionsUsed()) {
            if (action.startsWith("./")) {
                continue;
            }
            assertTrue(action.matches("[\\w.-]+/[\\w.-]+@(v\\d+(\\.\\d+)*|[0-9a-f]{40})"), file + " uses " + action);
        }
    }

    @ParameterizedTest
    @MethodSource("workflowFiles")
    void holdsNoCredential(String file) {
        String text = Workflow.load(file).text;
        assertFalse(Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}").matcher(text).find(), file + " contains an AWS access key id");
        String lower = text.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("aws_secret_access_key", "aws-secret-access-key", "aws_access_key_id",
                "aws-access-key-id", "aws_session_token", "aws-session-token", "secrets.")) {
            // the deploy needs no stored secret at all: the role ARN is a variable, the credentials come from OIDC
            assertFalse(lower.contains(forbidden), file + " mentions " + forbidden);
        }
        assertFalse(Pattern.compile("[A-Za-z0-9/+]{40}").matcher(text.replaceAll("[0-9a-f]{40}", "")).find(),
                file + " contains a 40-character string like an AWS secret key");
    }

    @Test
    void ciTestsEveryPushAndPullRequestWithReadOnlyAccess() {
        assertTrue(CI.triggers().has("push") && CI.triggers().path("push").path("branches").isMissingNode(),
                "every branch's pushes");
        assertTrue(CI.triggers().has("pull_request"));
        assertTrue(CI.triggers().has("workflow_call"), "deploy.yml runs the same tests");
        assertEquals(Map.of("contents", "read"), Workflow.asMap(CI.root.path("permissions")));
        CI.jobs().keySet().forEach(id -> assertEquals(Map.of("contents", "read"), CI.permissions(id), "ci job " + id));
    }

    @Test
    void ciRunsTheReadmesTestCommandOnJdk25AndLintsTheTemplates() {
        assertJdk25WithMavenCache(CI, "test");
        List<String> commands = CI.commands("test");
        assertTrue(commands.contains("bin/test"), "README's test command: " + commands);
        assertTrue(Repository.read("README.md").contains("bin/test"), "README names bin/test");
        assertTrue(Files.isExecutable(Repository.file("bin/test")));
        String lint = commands.stream().filter(c -> c.startsWith("cfn-lint ")).findFirst()
                .orElseThrow(() -> new AssertionError("no cfn-lint step: " + commands));
        for (String template : List.of("template.yaml", "docs/authorizer-example.yaml", "docs/github-deploy-role.yaml")) {
            assertTrue(List.of(lint.split("\\s+")).contains(template), "cfn-lint misses " + template + ": " + lint);
        }
        String install = commands.stream().filter(c -> c.startsWith("pip install")).findFirst()
                .orElseThrow(() -> new AssertionError("nothing installed: " + commands));
        assertTrue(install.contains("cfn-lint") && install.contains("moto[server]"),
                "the tests lint with cfn-lint, and the local API's run on moto_server: " + install);
        assertTrue(commands.indexOf(install) < commands.indexOf(lint) && commands.indexOf(lint) < commands.indexOf("bin/test"));
    }

    @Test
    void ciRunsTheQuickBenchmarkWithoutFailingOnIt() throws IOException {
        JsonNode benchmark = CI.job("benchmark");
        assertTrue(benchmark.path("continue-on-error").asBoolean(), "a slow runner must not fail a pull request");
        assertEquals("${{ !inputs.skip-benchmark }}", benchmark.path("if").asText());
        assertJdk25WithMavenCache(CI, "benchmark");
        String command = CI.commands("benchmark").stream().filter(c -> c.contains("run-cold-start.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("no benchmark step"));
        assertTrue(command.startsWith("benchmarks/run-cold-start.sh --quick"), command);
        Path script = Repository.file("benchmarks/run-cold-start.sh");
        assertTrue(Files.isExecutable(script), "benchmarks/run-cold-start.sh");
        assertTrue(Files.readString(script).contains("--quick"), "the script offers --quick");
        assertTrue(CI.commands("benchmark").stream().anyMatch(c -> c.contains("moto[server]")),
                "the benchmark's functions talk to a moto_server");
    }

    @Test
    void deployRunsOnPushesToMainAndByHandForAChosenStage() {
        JsonNode triggers = DEPLOY.triggers();
        assertEquals(Set.of("push", "workflow_dispatch"), fieldNames(triggers));
        assertEquals(List.of("main"), texts(triggers.path("push").path("branches")));
        JsonNode stage = triggers.path("workflow_dispatch").path("inputs").path("stage");
        assertEquals("choice", stage.path("type").asText());
        assertTrue(stage.path("required").asBoolean());
        assertEquals(List.of("dev", "prod"), texts(stage.path("options")));
        // each stage one can choose is a config environment of samconfig.toml
        assertTrue(SamConfig.load().environments().containsAll(texts(stage.path("options"))));
    }

    @Test
    void deployTestsThenDeploysDevThenProd() {
        assertEquals(REUSABLE_CI, DEPLOY.job("test").path("uses").asText());
        assertTrue(DEPLOY.job("test").path("with").path("skip-benchmark").asBoolean());
        for (String stage : List.of("dev", "prod")) {
            JsonNode job = DEPLOY.job(stage);
            assertEquals(REUSABLE_DEPLOY_STAGE, job.path("uses").asText(), stage);
            assertEquals(stage, job.path("with").path("stage").asText(), stage);
            assertTrue(texts(job.path("needs")).contains("test") || "test".equals(job.path("needs").asText()),
                    stage + " waits for the tests");
            assertTrue(job.path("if").asText().contains("vars.AWS_DEPLOY_ROLE_ARN != ''"), stage + ": skipped where unset");
        }
        assertEquals(List.of("test", "dev"), texts(DEPLOY.job("prod").path("needs")), "prod after dev");
        String prodCondition = DEPLOY.job("prod").path("if").asText();
        assertTrue(prodCondition.contains("needs.dev.result == 'success'"), prodCondition);
        assertTrue(prodCondition.contains("needs.test.result == 'success'"), prodCondition);
    }

    /** GitHub's OIDC token is what AWS trusts: only the jobs that deploy may ask for it. */
    @Test
    void onlyTheDeployingJobsMayRequestAnIdToken() {
        assertEquals(Map.of("contents", "read"), Workflow.asMap(DEPLOY.root.path("permissions")),
                "the deploy workflow's default");
        Map<String, Map<String, String>> byJob = new java.util.LinkedHashMap<>();
        DEPLOY.jobs().keySet().forEach(id -> byJob.put(id, DEPLOY.permissions(id)));
        assertEquals(Map.of(
                "test", Map.of("contents", "read"),
                "dev", Map.of("contents", "read", "id-token", "write"),
                "prod", Map.of("contents", "read", "id-token", "write")), byJob);
        assertEquals(Map.of("contents", "read", "id-token", "write"), Workflow.asMap(DEPLOY_STAGE.root.path("permissions")));
        assertFalse(CI.text.contains("id-token"), "ci.yml never asks for an id token");
    }

    @Test
    void aStageIsDeployedThroughOidcWithSamconfigAndThenSmokeTested() {
        assertEquals(Set.of("workflow_call"), fieldNames(DEPLOY_STAGE.triggers()));
        assertEquals("string", DEPLOY_STAGE.triggers().path("workflow_call").path("inputs").path("stage").path("type").asText());
        JsonNode job = DEPLOY_STAGE.job("deploy");
        assertEquals("${{ inputs.stage }}", job.path("environment").path("name").asText(),
                "the GitHub environment, which the deploy role trusts, is the stage's");
        assertEquals("deploy-${{ inputs.stage }}", job.path("concurrency").path("group").asText());
        assertFalse(job.path("concurrency").path("cancel-in-progress").asBoolean(true), "never cancel a CloudFormation update");
        assertJdk25WithMavenCache(DEPLOY_STAGE, "deploy");
        DEPLOY_STAGE.step("deploy", "aws-actions/setup-sam");

        JsonNode credentials = DEPLOY_STAGE.step("deploy", "aws-actions/configure-aws-credentials").path("with");
        assertEquals("${{ vars.AWS_DEPLOY_ROLE_ARN }}", credentials.path("role-to-assume").asText());
        assertEquals("${{ vars.AWS_REGION }}", credentials.path("aws-region").asText());
        assertEquals(Set.of("role-to-assume", "role-session-name", "aws-region"), fieldNames(credentials),
                "no key inputs: the role is assumed with the OIDC token");

        List<String> commands = DEPLOY_STAGE.commands("deploy");
        int build = indexOf(commands, "sam build");
        int deploy = indexOf(commands, "sam deploy --config-env \"$STAGE\"");
        int outputs = indexOf(commands, "sam list stack-outputs --config-env \"$STAGE\"");
        int smoke = indexOf(commands, "bin/smoke-test \"$API_URL\"");
        assertTrue(build < deploy && deploy < outputs && outputs < smoke, "build, deploy, read the URL, smoke-test: " + commands);
        assertTrue(commands.get(outputs).contains("select(.OutputKey == \"ApiUrl\")"), "the smoke test gets the ApiUrl output");
        assertTrue(Template.load().root.path("Outputs").has("ApiUrl"));
        assertEquals("${{ inputs.stage }}", job.path("env").path("STAGE").asText());
        JsonNode smokeStep = DEPLOY_STAGE.steps("deploy").stream().filter(s -> s.path("run").asText().startsWith("bin/smoke-test"))
                .findFirst().orElseThrow();
        assertEquals("${{ steps.stack.outputs.api-url }}", smokeStep.path("env").path("API_URL").asText(),
                "the URL reaches the script through the environment, never pasted into the command");
        assertTrue(Files.isExecutable(Repository.file("bin/smoke-test")));
    }

    @Test
    void eachStageIsAConfigEnvironmentWithItsOwnStackAndStage() {
        SamConfig config = SamConfig.load();
        Set<String> templateParameters = fieldNames(Template.load().root.path("Parameters"));
        Set<String> stackNames = new TreeSet<>();
        for (String stage : List.of("dev", "prod")) {
            String stack = config.value(stage, "deploy", "stack_name");
            assertEquals("accounts-" + stage, stack, stage + " stack_name (docs/github-deploy-role.yaml's pattern)");
            stackNames.add(stack);
            assertEquals("CAPABILITY_IAM", config.value(stage, "deploy", "capabilities"), stage);
            assertEquals("true", config.value(stage, "deploy", "resolve_s3"), stage + ": the artifact bucket");
            Map<String, String> overrides = config.parameterOverrides(stage);
            assertEquals(stage, overrides.get("Stage"), stage + " Stage parameter");
            assertTrue(templateParameters.containsAll(overrides.keySet()),
                    stage + " overrides a parameter template.yaml does not have: " + overrides.keySet());
            assertEquals(config.value(stage, "list_stack_outputs", "stack_name"), stack,
                    "`sam list stack-outputs --config-env " + stage + "` finds the same stack");
        }
        assertEquals(2, stackNames.size(), "one stack per stage");
        assertEquals("false", config.value("default", "build", "parallel"), "sam build keeps the machine usable");
    }

    private static void assertJdk25WithMavenCache(Workflow workflow, String jobId) {
        JsonNode java = workflow.step(jobId, "actions/setup-java").path("with");
        assertEquals("temurin", java.path("distribution").asText(), workflow.file + " " + jobId);
        assertEquals("25", java.path("java-version").asText(), workflow.file + " " + jobId);
        assertEquals("maven", java.path("cache").asText(), workflow.file + " " + jobId);
    }

    private static int indexOf(List<String> commands, String command) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(command)) {
                return i;
            }
        }
        throw new AssertionError("no command running " + command + " in " + commands);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
