package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's template.yaml served as API Gateway and Lambda serve it, with the overrides a user would pass to
 * bin/local-api: logins in parallel run in parallel environments, CORS answers as the HTTP API answers for the
 * given origin, and the stage's throttle answers 429 past its burst.
 */
class LambdaLikeGatewayTest {

    private static final String APP = "https://app.example.com";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final int LOGINS = 8;
    private static final int BURST = 64;
    private static LocalApi api;

    @BeforeAll
    static void start() {
        api = LocalApi.start(LocalApiOptions.onAFreePort().withParameterOverrides(Map.of(
                "CorsAllowedOrigins", APP + ",https://admin.example.com",
                // bursts of 64 a route, refilled at 1 a second: room for the 48 logins below (warm-up included), not a flood
                "ThrottlingRateLimit", "1", "ThrottlingBurstLimit", Integer.toString(BURST))), System.getenv(), System.out);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> post(String path, String json) {
        return send(request(api, path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    private static HttpResponse<String> preflight(String origin) {
        return send(request(api, "/account/login").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build());
    }

    @Test
    void simultaneousLoginsRunInSeveralEnvironmentsAndFinishSoonerThanOneAfterAnother() {
        // One user per client, as many users log in at once: logins of one name queue on its lockout counter,
        // which is counted by compare-and-set (issue 14), so they would measure that instead of the environments.
        List<String> credentials = IntStream.range(0, LOGINS).mapToObj(i -> "{\"username\":\"para_"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"" + PASSWORD + "\"}").toList();
        credentials.forEach(user -> assertEquals(201, post("/account/create-account", user).statusCode()));
        try (ExecutorService clients = Executors.newFixedThreadPool(LOGINS)) {
            Supplier<List<Integer>> parallel = () -> IntStream.range(0, LOGINS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> post("/account/login", credentials.get(i)).statusCode(),
                            clients))
                    .toList().stream().map(CompletableFuture::join).toList();
            Supplier<List<Integer>> sequential = () -> IntStream.range(0, LOGINS)
                    .mapToObj(i -> post("/account/login", credentials.get(i)).statusCode()).toList();
            // Out of the figures: the JIT's warm-up, then the new environments' first calls. Each environment has
            // wiring of its own (clients, connections, the key set it fetches on its first call), so it is warmed
            // by calls of its own, as a Lambda environment is: three rounds at once. On a busy 2-core machine the first of them, 8 at once, can outlast the time the functions
            // give themselves before a storage call (a 503), as an overloaded Lambda would; only the warm rounds
            // below must all succeed.
            sequential.get();
            for (int round = 0; round < 3; round++) {
                parallel.get();
            }
            LocalFunction logins = api.functions().get("LoginFunction");
            logins.takeBusyPeak(); // the warm-up's
            long started = System.nanoTime();
            assertEquals(Collections.nCopies(LOGINS, 200), sequential.get());
            long sequentialNanos = System.nanoTime() - started;
            assertEquals(1, logins.takeBusyPeak(), "one after another: one environment busy at a time");
            started = System.nanoTime();
            assertEquals(Collections.nCopies(LOGINS, 200), parallel.get());
            long parallelNanos = System.nanoTime() - started;
            int busyPeak = logins.takeBusyPeak();
            // The ratio is printed, not asserted (a timed assertion flakes on a busy machine); that the logins ran
            // side by side is asserted instead: several environments busy at once.
            System.out.printf("%d logins: one after another %d ms, all at once %d ms, ratio %.2f, at most %d "
                            + "environments busy at once (%d cores)%n", LOGINS, sequentialNanos / 1_000_000,
                    parallelNanos / 1_000_000, (double) parallelNanos / sequentialNanos, busyPeak,
                    Runtime.getRuntime().availableProcessors());
            assertTrue(busyPeak > 1, "simultaneous logins were served side by side: " + busyPeak);
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsApiGatewaysAnswer() {
        HttpResponse<String> response = preflight(APP);
        assertEquals(204, response.statusCode());
        assertEquals(APP, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("GET,POST,PATCH,DELETE", response.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertEquals("authorization,content-type", response.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        assertEquals("600", response.headers().firstValue("Access-Control-Max-Age").orElse(null));
        assertTrue(response.body().isEmpty());
    }

    @Test
    void aPreflightOrARequestFromAnotherOriginGetsNoCorsHeader() {
        HttpResponse<String> response = preflight("https://evil.example.net");
        assertEquals(204, response.statusCode());
        assertTrue(corsHeaders(response).isEmpty(), "no Access-Control-* header: " + response.headers().map());

        HttpResponse<String> get = send(request(api, "/.well-known/jwks.json").header("Origin", "https://evil.example.net").GET().build());
        assertEquals(200, get.statusCode());
        assertTrue(corsHeaders(get).isEmpty(), "no Access-Control-* header: " + get.headers().map());
    }

    @Test
    void aRequestFromAnAllowedOriginGetsItsOriginBack() {
        HttpResponse<String> response = send(request(api, "/.well-known/openid-configuration")
                .header("Origin", "https://admin.example.com").GET().build());
        assertEquals(200, response.statusCode());
        assertEquals("https://admin.example.com", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> sameOrigin = send(request(api, "/.well-known/openid-configuration").GET().build());
        assertFalse(sameOrigin.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no Origin, no CORS");
    }

    @Test
    void aBurstOverTheStagesLimitIsAnswered429() {
        // verify: a cheap route with a bucket of its own, sent more requests than its burst
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = IntStream.range(0, BURST + 20)
                .mapToObj(i -> post("/account/verify", "{\"token\":\"x\"}")).toList();
        long refilled = (System.nanoTime() - started) / 1_000_000_000 + 1; // at 1 a second
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        long admitted = statuses.stream().filter(s -> s != 429).count();
        assertTrue(admitted >= BURST && admitted <= BURST + refilled, "the burst, plus the refill, got through: " + statuses);
        assertTrue(statuses.subList(0, BURST).stream().allMatch(s -> s == 401), "the function answered the burst: " + statuses);
        HttpResponse<String> throttled = answers.get(answers.size() - 1);
        assertEquals(429, throttled.statusCode());
        assertEquals("{\"message\":\"Too Many Requests\"}", throttled.body());
    }

    private static Map<String, List<String>> corsHeaders(HttpResponse<String> response) {
        return response.headers().map().entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
