package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.testing.StdoutCapture;
import dev.accounts.core.testing.TestStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the functions write for CloudWatch on a walk through the service, read back as CloudWatch would: one
 * log line per request carrying the request id and the function, and one embedded-metric line per counted
 * event, labelled from the environment the template gives the functions.
 */
class ObservabilityWalkthroughTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> requestIds = new ArrayList<>();
    private Deployment deployment;
    private StdoutCapture stdout;

    @BeforeEach
    void deployAndListen() {
        deployment = Deployment.of(TestStack.create());
        stdout = StdoutCapture.start();
    }

    @AfterEach
    void stopListening() {
        stdout.close();
        deployment.close();
    }

    /** Log lines and metric lines share stdout, as in Lambda: a metric line is the one with EMF's `_aws`. */
    private List<JsonNode> logs() throws Exception {
        return lines(stdout.text()).stream().filter(line -> !line.has("_aws")).toList();
    }

    private List<JsonNode> metrics() throws Exception {
        return lines(stdout.text()).stream().filter(line -> line.has("_aws")).toList();
    }

    @Test
    void aWalkthroughCountsEachEventOnceAndLogsEachRequest() throws Exception {
        String username = Accounts.uniqueName("counted");
        String credentials = Accounts.body("username", username, "password", Accounts.PASSWORD);
        String id = expect(201, send(HttpApiEvent.post("/account/create-account", credentials))).path("id").asText();

        // five wrong passwords in a row for another name lock it (Lockouts), each a failure
        String guessed = Accounts.body("username", Accounts.uniqueName("guessed"), "password", "wrong-" + Accounts.PASSWORD);
        for (int i = 0; i < 5; i++) {
            expect(401, send(HttpApiEvent.post("/account/login", guessed)));
        }
        JsonNode first = expect(200, send(HttpApiEvent.post("/account/login", credentials)));
        String firstRefresh = first.path("refresh").asText();
        expect(200, send(HttpApiEvent.post("/account/refresh", Accounts.refreshBody(firstRefresh))));
        // the spent token again: a reuse, which revokes that login
        expect(401, send(HttpApiEvent.post("/account/refresh", Accounts.refreshBody(firstRefresh))));

        JsonNode second = expect(200, send(HttpApiEvent.post("/account/login", credentials)));
        expect(200, send(HttpApiEvent.post("/account/logout", Accounts.refreshBody(second.path("refresh").asText()))
                .bearer(second.path("access").asText())));
        JsonNode third = expect(200, send(HttpApiEvent.post("/account/login", credentials)));
        assertEquals(204, send(HttpApiEvent.delete("/account/delete-account/" + id).bearer(third.path("access").asText())).getStatusCode());

        assertEquals(new TreeMap<>(Map.of(
                "SignUps", 1,
                "LoginFailures", 5,
                "Lockouts", 1,
                "Logins", 3,
                "Refreshes", 1,
                "ReuseDetections", 1,
                "Revocations", 2)), countsOf(metrics()));

        List<JsonNode> requestLines = logs().stream().filter(l -> "request".equals(l.path("message").asText())).toList();
        assertEquals(requestIds, requestLines.stream().map(l -> l.path("requestId").asText()).toList(),
                "one line per request, with the id API Gateway gave it (the access log's requestId)");
        for (JsonNode line : requestLines) {
            assertTrue(line.path("function").asText().endsWith("Handler"), "the function: " + line);
            assertEquals("INFO", line.path("level").asText());
            // Lambda's JSON log format filters by level only with an RFC 3339 timestamp beside it
            Instant.parse(line.path("timestamp").asText());
            assertTrue(line.path("status").isInt(), line.toString());
        }
        assertFalse(stdout.text().contains(Accounts.PASSWORD), "a password was logged");
        assertFalse(stdout.text().contains(firstRefresh), "a token was logged");
    }

    @Test
    void theMetricLinesAreLabelledAsTheTemplateSays() throws Exception {
        expect(201, send(HttpApiEvent.post("/account/create-account",
                Accounts.body("username", Accounts.uniqueName("labelled"), "password", Accounts.PASSWORD))));
        List<JsonNode> lines = metrics();
        assertEquals(1, lines.size(), stdout.text());
        // In Lambda the labels come from the function's environment, which is the process's own: the line the
        // template's environment gives is the one each function writes.
        JsonNode line = JSON.readTree(Metrics.line(Metrics.Count.SIGN_UPS,
                Metrics.Destination.of(deployment.environment("CreateAccountFunction")), System.currentTimeMillis()));
        Template template = Template.load();
        assertEquals(template.parameterDefault("MetricsNamespace"),
                line.path("_aws").path("CloudWatchMetrics").path(0).path("Namespace").asText());
        assertEquals(template.parameterDefault("Stage"), line.path("Stage").asText());
        assertEquals(1, line.path("SignUps").asInt());
    }

    /** SnapStart primes each function as a version is published: that must count nothing in production. */
    @Test
    void primingEveryFunctionCountsNothing() throws Exception {
        Template template = Template.load();
        EnvironmentWiring services = TestStack.create().services();
        for (String id : template.functionIds()) {
            String handler = template.effective(id, "Handler").asText().replaceFirst("::.*", "");
            PrimedFunction function = (PrimedFunction) Class.forName(handler).getConstructor(EnvironmentWiring.class)
                    .newInstance(services);
            function.beforeCheckpoint(null);
        }
        assertEquals(List.of(), metrics(), "priming counted");
    }

    private APIGatewayV2HTTPResponse send(HttpApiEvent request) {
        APIGatewayV2HTTPEvent event = request.build();
        requestIds.add(event.getRequestContext().getRequestId());
        return deployment.send(event);
    }

    /** Metric name → sum of its values, over every EMF line written. */
    private static Map<String, Integer> countsOf(List<JsonNode> metricLines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode line : metricLines) {
            for (JsonNode metric : line.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics")) {
                String name = metric.path("Name").asText();
                counts.merge(name, line.path(name).asInt(), Integer::sum);
            }
        }
        return counts;
    }

    /** Each line written, which must be one JSON object. */
    private static List<JsonNode> lines(String written) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : written.split("\n")) {
            if (!line.isBlank()) {
                JsonNode parsed = JSON.readTree(line);
                assertTrue(parsed.isObject(), "not a JSON object: " + line);
                lines.add(parsed);
            }
        }
        return lines;
    }
}
