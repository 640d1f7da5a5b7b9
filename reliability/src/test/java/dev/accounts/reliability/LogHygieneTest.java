package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The walkthrough (sign-up, login, refresh, verify, key discovery, replay, logout, delete, and the usual
 * mistakes and a storage outage) with every output stream captured: each line is a JSON object (a log entry or
 * an embedded-metric-format document), each request line names its request id, and no password, hash, token or
 * private key appears anywhere.
 */
class LogHygieneTest {
    private static final String PASSWORD = "Velvet-Orchard-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String WRONG_PASSWORD = "Granite-Meadow-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String WEAK_PASSWORD = "password";

    /**
     * SLF4J, which the AWS SDK logs through, prints a notice on stderr when the JVM first asks for a logger
     * and no provider is on the class path (as in the function jars): once per process, before any request.
     * It is taken out of the capture here and listed in docs/RELIABILITY.md; every line a request causes is judged.
     */
    @BeforeAll
    static void sdkLoggingInitialised() {
        LoggerFactory.getILoggerFactory();
    }

    @Test
    void everyLineIsJsonWithItsRequestIdAndNoSecretAppears() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, "$argon2"));
        List<String> lines;
        List<String> requestIds;
        try (LogCapture capture = LogCapture.start()) {
            TestStack stack = TestStack.create();
            // Keys read from the secret, as in Lambda; their private parts are secrets too.
            for (JsonNode key : Responses.parse(stack.keys().toSecretJson()).path("keys")) {
                secrets.add(key.path("d").asText());
            }
            Handlers handlers = new Handlers(stack.servicesReadingSecret(Clock.systemUTC()));
            Handlers outage = new Handlers(Unreachable.dynamoDb(stack).services(Clock.systemUTC()));
            secrets.addAll(walkthrough(handlers, outage));
            StoredItems.scan(stack.dynamoDb(), stack.usersTable()).hashes().forEach(secrets::add);
            lines = capture.lines();
            requestIds = new ArrayList<>(handlers.requestIds());
            requestIds.addAll(outage.requestIds());
        }

        assertFalse(lines.isEmpty(), "the functions log");
        Set<String> logged = new HashSet<>();
        for (String line : lines) {
            JsonNode entry = jsonObject(line);
            boolean metric = entry.has("_aws");
            if (metric) {
                // CloudWatch embedded metric format: counts and dimensions, judged for secrets below like any line.
                assertTrue(entry.path("_aws").has("CloudWatchMetrics"), () -> "a metric line in EMF: " + line);
            } else {
                assertTrue(entry.hasNonNull("timestamp") && entry.hasNonNull("level") && entry.hasNonNull("message"),
                        () -> "a log line has timestamp, level and message: " + line);
            }
            boolean requestLine = entry.path("message").asText().equals("request");
            // The request line, and every warning or error, says which request it is about.
            if (!metric && (requestLine || !entry.path("level").asText().equals("INFO"))) {
                String requestId = entry.path("requestId").asText();
                assertTrue(requestIds.contains(requestId), () -> "a request's line names its request id: " + line);
                if (requestLine) {
                    assertTrue(logged.add(requestId), () -> "one request line per request: " + line);
                }
            }
            for (String secret : secrets) {
                assertFalse(line.contains(secret), () -> "a secret (" + secret.substring(0, Math.min(6, secret.length()))
                        + "...) is in the log: " + line);
            }
            assertFalse(line.contains("eyJ"), () -> "something JWT-like is in the log: " + line);
        }
        assertEquals(Set.copyOf(requestIds), logged, "every request is logged, once");
    }

    /** Drives every endpoint through success and failure; returns every token the service issued. */
    private static List<String> walkthrough(Handlers handlers, Handlers outage) {
        List<String> issued = new ArrayList<>();
        String name = "hygiene_" + UUID.randomUUID().toString().substring(0, 8);
        String signUp = Json.write(java.util.Map.of("username", name, "password", PASSWORD,
                "email", name + "@example.com", "first_name", "Ada", "last_name", "Lovelace"));
        JsonNode user = Responses.json(expect(201, handlers.handle(Endpoint.CREATE_ACCOUNT,
                HttpApiEvent.post(Endpoint.CREATE_ACCOUNT.route, signUp).build())));
        expect(400, handlers.handle(Endpoint.CREATE_ACCOUNT, HttpApiEvent.post(Endpoint.CREATE_ACCOUNT.route, signUp).build()));
        expect(400, handlers.signUp(name + "_weak", WEAK_PASSWORD));
        expect(401, handlers.login(name, WRONG_PASSWORD));

        JsonNode login = Responses.json(expect(200, handlers.login(name, PASSWORD)));
        issued.add(login.path("access").asText());
        issued.add(login.path("refresh").asText());
        JsonNode refreshed = Responses.json(expect(200, handlers.refresh(login.path("refresh").asText())));
        issued.add(refreshed.path("access").asText());
        issued.add(refreshed.path("refresh").asText());
        expect(200, handlers.verify(refreshed.path("access").asText()));
        expect(200, handlers.verify(refreshed.path("refresh").asText()));
        expect(200, handlers.jwks());
        expect(200, handlers.openIdConfiguration());
        expect(401, handlers.refresh(login.path("refresh").asText()));
        expect(401, handlers.refresh("eyJhbGciOiJub25lIn0.eyJ1c2VyX2lkIjoiMSJ9."));

        JsonNode again = Responses.json(expect(200, handlers.login(name, PASSWORD)));
        String access = again.path("access").asText();
        issued.add(access);
        issued.add(again.path("refresh").asText());
        expect(200, handlers.logout(access, again.path("refresh").asText()));
        expect(400, handlers.handle(Endpoint.LOGIN, HttpApiEvent.post(Endpoint.LOGIN.route,
                "{\"username\": \"" + name + "\", \"password\": \"" + PASSWORD + "\"").build()));
        expect(415, handlers.handle(Endpoint.LOGIN, HttpApiEvent.post(Endpoint.LOGIN.route,
                "username=" + name + "&password=" + PASSWORD).header("content-type", "application/x-www-form-urlencoded").build()));
        expect(503, outage.login(name, PASSWORD));
        expect(503, outage.refresh(again.path("refresh").asText()));
        expect(204, handlers.deleteAccount(access, user.path("id").asText()));
        expect(401, handlers.login(name, PASSWORD));
        expect(401, handlers.deleteAccount(access, user.path("id").asText()));
        return issued;
    }

    private static APIGatewayV2HTTPResponse expect(int status, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), response::getBody);
        return response;
    }

    private static JsonNode jsonObject(String line) {
        try {
            JsonNode node = Json.parse(line);
            assertTrue(node != null && node.isObject(), () -> "a log line is a JSON object: " + line);
            return node;
        } catch (Exception e) {
            return fail("a log line is not JSON: " + line);
        }
    }
}
