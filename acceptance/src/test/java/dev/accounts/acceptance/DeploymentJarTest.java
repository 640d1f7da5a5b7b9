package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.acceptance.jar.JarInvoker;
import dev.accounts.core.testing.TestStack;
import dev.accounts.devkit.DeploymentPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each function's own deployment jar, alone on a fresh JVM's class path, with the environment the template gives
 * it: the Lambda constructor, SnapStart priming and one event from events/ all work, so the jar holds everything
 * its function needs (and the size trimming removed nothing it uses).
 */
class DeploymentJarTest {
    /** The status each event gets on fresh tables: tokens in the event files are placeholders, so 401s are right. */
    private static final Map<String, Integer> EXPECTED = Map.of(
            "create-account", 201, "login", 200, "refresh", 401, "logout", 401, "delete-account", 401,
            "verify", 401, "jwks", 200, "openid-configuration", 200);

    private final TestStack stack = TestStack.create();

    @Test
    void everyJarServesItsEventOnItsOwn() throws Exception {
        Path root = Repository.ROOT;
        // create-account before login: the login event logs in the account the create-account event makes
        for (String function : List.of("create-account", "login", "refresh", "logout", "delete-account", "verify",
                "jwks", "openid-configuration")) {
            Path jar = root.resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
            assertTrue(Files.isRegularFile(jar), "built by the function's module: " + jar);
            Template template = Template.load();
            String functionId = template.routes().stream().filter(r -> r.module().equals(function)).findFirst()
                    .orElseThrow().functionId();
            String handler = template.resource(functionId).path("Properties").path("Handler").asText();
            String output = run(jar, handler, root.resolve("events").resolve(function + ".json"));
            assertTrue(output.contains("STATUS " + EXPECTED.get(function)), function + " answered:\n" + output);
            long packageBytes = DeploymentPackage.zippedBytes(jar);
            assertTrue(packageBytes <= DeploymentPackage.GOAL_BYTES, function + "'s deployment package is "
                    + packageBytes + " bytes, over " + DeploymentPackage.GOAL_BYTES);
        }
    }

    private String run(Path jar, String handler, Path event) throws IOException, InterruptedException {
        Path invokerClasses = Path.of(JarInvoker.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", jar + java.io.File.pathSeparator + invokerClasses,
                JarInvoker.class.getName(), handler, event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(stack.env());
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the jar's JVM did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }
}
