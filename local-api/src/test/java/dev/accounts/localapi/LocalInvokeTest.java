package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.devkit.DynamoEndpoints;
import dev.accounts.devkit.HttpRoute;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * bin/invoke's command (LocalInvoke; the script only builds first): every event of events/ runs through its function's
 * deployment jar in a JVM of its own and gets the function's answer on stdout and a REPORT line on stderr.
 */
class LocalInvokeTest {

    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\t"
            + "Billed Duration: \\d+ ms\tMemory Size: \\d+ MB\tMax Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms");
    private static final Path ROOT = SamTemplate.locateFile(Path.of(System.getProperty("user.dir"))).getParent();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve(SamTemplate.FILE_NAME));
    private static LocalEngine engine;
    /** One engine for every call, as a user's DYNAMODB_ENDPOINT would be, rather than a moto_server each. */
    private static Map<String, String> environment;

    @BeforeAll
    static void startEngine() {
        engine = DynamoEndpoints.startWithoutDocker(System.getenv());
        environment = Map.of(DynamoEndpoints.ENDPOINT_VARIABLE, engine.endpoint(),
                DynamoEndpoints.SECRETS_ENDPOINT_VARIABLE, engine.secretsManagerEndpoint());
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    record Result(int exitCode, String stdout, String stderr) {}

    static Result invoke(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalInvoke.run(args, environment, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println(String.join(" ", args) + " -> exit " + code + "\n" + result.stderr() + result.stdout());
        return result;
    }

    @TestFactory
    Stream<DynamicTest> everyEventGetsItsFunctionsAnswerAndAReportLine() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
                    .map(event -> DynamicTest.dynamicTest(event.getFileName().toString(), () -> {
                        String function = functionFor(event);
                        Result result = invoke(function, "-e", event.toString(), "--template", ROOT.resolve("template.yaml").toString());
                        assertEquals(0, result.exitCode(), result.stderr());
                        JsonNode response = TestSupport.JSON.readTree(result.stdout());
                        int status = response.path("statusCode").asInt();
                        // 503 is the function's own answer when a cold JVM on a busy machine used up the time it
                        // allows itself before a storage call; a 500 would be a failure the contract does not allow.
                        assertTrue(status >= 200 && status < 500 || status == 503, function + " answered: " + result.stdout());
                        assertTrue(TestSupport.JSON.readTree(response.path("body").asText()).isObject(), result.stdout());
                        assertTrue(REPORT.matcher(result.stderr()).find(), "a REPORT line with memory and init: " + result.stderr());
                    }));
        }
    }

    /** The function whose route the event's routeKey names, e.g. "POST /account/login" → LoginFunction. */
    private static String functionFor(Path event) throws IOException {
        String routeKey = TestSupport.JSON.readTree(event.toFile()).path("routeKey").asText();
        return TEMPLATE.routes().stream().filter(r -> (r.method() + " " + r.path()).equals(routeKey))
                .map(HttpRoute::functionLogicalId).findFirst()
                .orElseThrow(() -> new AssertionError(event + ": no route " + routeKey + " in the template"));
    }

    @Test
    void aFunctionErrorGivesLambdasErrorDocumentAndANonZeroExit() {
        String code = Path.of("target", "test-classes") + File.pathSeparator
                + RequestStreamHandler.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        Result result = invoke("ThrowingFunction", "--template", TestSupport.testTemplate().toString(), "--code", code);
        assertEquals(1, result.exitCode());
        assertEquals("{\"errorMessage\":\"broken on purpose\",\"errorType\":\"java.lang.IllegalStateException\"}",
                result.stdout().strip());
        assertTrue(result.stderr().contains("REPORT RequestId: "), result.stderr());
    }

    @Test
    void anUnknownFunctionIsACommandLineError() {
        Result result = invoke("NoSuchFunction", "--template", TestSupport.testTemplate().toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("no function NoSuchFunction"), result.stderr());
    }
}
