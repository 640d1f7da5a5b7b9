package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accounts.localapi.LocalApi;
import dev.accounts.localapi.LocalApiOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bin/smoke-test, the deploy workflow's last step, run here as the workflow runs it: against the local API (the
 * template's functions over HTTP), and against a stub that answers wrongly, where it must fail and clean up.
 */
class SmokeTestScriptTest {
    private static final Path SCRIPT = Repository.file("bin/smoke-test");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every JWT starts so ({"alg"...} in base64url): none may reach the output. */
    private static final String TOKEN_PREFIX = "eyJ";

    @BeforeAll
    static void theScriptsToolsAreThere() {
        for (String tool : List.of("bash", "curl", "jq")) {
            Assumptions.assumeTrue(TemplateLintTest.onPath(tool).isPresent(), tool + " is not on PATH: bin/smoke-test needs it");
        }
        assertTrue(Files.isExecutable(SCRIPT), "bin/smoke-test is executable");
    }

    @Test
    void passesAgainstTheLocalApiAndLeavesNoAccountBehind() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (LocalApi api = LocalApi.start(LocalApiOptions.onAFreePort(), System.getenv(),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            Run run = run(api.baseUrl() + "/"); // a trailing slash, as an output URL may have
            assertEquals(0, run.exitCode(), run.output());
            List<String> steps = run.output().lines().filter(l -> l.startsWith("ok ")).map(l -> l.replaceAll("\\s+", " ")).toList();
            assertEquals(List.of(
                    "ok POST /account/create-account -> 201",
                    "ok POST /account/login -> 200",
                    "ok POST /account/refresh -> 200",
                    "ok POST /account/logout -> 200",
                    "ok POST /account/refresh -> 401",
                    "ok POST /account/login -> 200",
                    "ok GET /account/me -> 200",
                    "ok POST /account/logout-all -> 200",
                    "ok GET /account/me -> 401",
                    "ok POST /account/login -> 200",
                    "ok DELETE /account/delete-account/" + userId(run) + " -> 204",
                    "ok POST /account/login -> 401"), steps);
            assertTrue(run.output().contains("smoke test passed"), run.output());
            assertFalse(run.output().contains(TOKEN_PREFIX), "a token was printed:\n" + run.output());

            // the throwaway account is gone: its name and password log nobody in, and the name is free again
            String username = username(run);
            HttpResponse<String> signUpAgain = post(api.baseUrl() + "/account/create-account",
                    "{\"username\": \"" + username + "\", \"password\": \"another-Harbor-93-lantern\"}");
            assertEquals(201, signUpAgain.statusCode(), signUpAgain.body());
        }
    }

    /** A wrong status fails the run (exit 1) naming the step, and the account created so far is deleted. */
    @Test
    void failsOnAnUnexpectedStatusAndDeletesTheAccountItMade() throws Exception {
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(route + " " + String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            switch (route) {
                case "POST /account/create-account" -> answer(exchange, 201, "{\"id\": \"u-1\", \"username\": "
                        + JSON.readTree(body).path("username") + "}");
                case "POST /account/login" -> answer(exchange, 200,
                        "{\"message\": \"Login successful\", \"access\": \"eyJ.access.1\", \"refresh\": \"eyJ.refresh.1\"}");
                case "DELETE /account/delete-account/u-1" -> answer(exchange, 204, "");
                default -> answer(exchange, 500, "{\"detail\": \"A server error occurred.\", \"refresh\": \"eyJ.leak\"}");
            }
        });
        stub.start();
        try {
            Run run = run("http://127.0.0.1:" + stub.getAddress().getPort());
            assertEquals(1, run.exitCode(), run.output());
            assertTrue(run.output().contains("FAIL POST /account/refresh: expected 200, got 500"), run.output());
            assertFalse(run.output().contains(TOKEN_PREFIX), "a token was printed:\n" + run.output());
            assertEquals(List.of("POST /account/create-account null", "POST /account/login null",
                    "POST /account/refresh null", "DELETE /account/delete-account/u-1 Bearer eyJ.access.1"), requests);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void failsWhenNothingAnswers() throws Exception {
        Run run;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = free.getLocalPort();
            free.close();
            run = run("http://127.0.0.1:" + port);
        }
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("no answer from"), run.output());
    }

    @Test
    void refusesToRunWithoutAnApiUrl() throws Exception {
        Run run = run();
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("usage: bin/smoke-test <api-url>"), run.output());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("smoke-test", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(Repository.ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("bin/smoke-test did not finish within 3 minutes:\n" + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String username(Run run) {
        Matcher name = Pattern.compile(" as (smoke-[0-9a-f]{16})\\n").matcher(run.output());
        assertTrue(name.find(), "the run names its account: " + run.output());
        return name.group(1);
    }

    private static String userId(Run run) {
        Matcher id = Pattern.compile("DELETE /account/delete-account/([0-9a-f-]{36}) ").matcher(run.output());
        assertTrue(id.find(), run.output());
        return id.group(1);
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Run(int exitCode, String output) {
    }
}
