package dev.accounts.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import dev.accounts.core.testing.StdoutCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lines CloudWatch must read as metrics: the embedded metric format's rules, checked one by one. */
class MetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LAMBDA_ENVIRONMENT = Map.of(
            "METRICS_NAMESPACE", "Accounts/Test",
            "STAGE", "prod",
            "AWS_LAMBDA_FUNCTION_NAME", "accounts-prod-LoginFunction-AbC123");

    @Test
    void aCountIsOneEmfDocumentOfValueOne() throws Exception {
        JsonNode line = JSON.readTree(Metrics.line(Metrics.Count.LOGINS,
                Metrics.Destination.of(LAMBDA_ENVIRONMENT), 1_767_225_600_000L));

        JsonNode metadata = line.path("_aws");
        assertEquals(1_767_225_600_000L, metadata.path("Timestamp").asLong(), "milliseconds since the epoch");
        assertEquals(1, metadata.path("CloudWatchMetrics").size());
        JsonNode directive = metadata.path("CloudWatchMetrics").path(0);
        assertEquals("Accounts/Test", directive.path("Namespace").asText());
        assertEquals(JSON.readTree("[[\"Stage\"], [\"Stage\", \"FunctionName\"]]"), directive.path("Dimensions"));
        assertEquals(JSON.readTree("[{\"Name\": \"Logins\", \"Unit\": \"Count\"}]"), directive.path("Metrics"));

        assertEquals("prod", line.path("Stage").asText());
        assertEquals("accounts-prod-LoginFunction-AbC123", line.path("FunctionName").asText());
        assertTrue(line.path("Logins").isNumber(), "the value is a number at the root: " + line);
        assertEquals(1, line.path("Logins").asInt());
        assertEquals(List.of("_aws", "Stage", "FunctionName", "Logins"), List.copyOf(fieldNames(line)));
    }

    /** EMF: every dimension named must be a string at the root, every metric a number there. */
    @ParameterizedTest
    @EnumSource(Metrics.Count.class)
    void everyCountIsAValidEmfDocument(Metrics.Count count) throws Exception {
        JsonNode line = JSON.readTree(Metrics.line(count, Metrics.Destination.of(LAMBDA_ENVIRONMENT), 1L));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        directive.path("Dimensions").forEach(set -> set.forEach(name ->
                assertTrue(line.path(name.asText()).isTextual() && !line.path(name.asText()).asText().isEmpty(),
                        "dimension " + name + " has no value in " + line)));
        directive.path("Metrics").forEach(metric -> {
            assertTrue(line.path(metric.path("Name").asText()).isNumber(), "metric value missing in " + line);
            assertEquals("Count", metric.path("Unit").asText());
        });
        assertEquals(count.metricName(), directive.path("Metrics").path(0).path("Name").asText());
        assertTrue(count.metricName().matches("[A-Z][A-Za-z]+"), count.metricName());
    }

    @Test
    void withoutLambdaOrTheTemplateTheLabelsHaveDefaults() throws Exception {
        JsonNode line = JSON.readTree(Metrics.line(Metrics.Count.SIGN_UPS,
                Metrics.Destination.of(Map.of("STAGE", " ")), 1L));
        assertEquals("Accounts", line.path("_aws").path("CloudWatchMetrics").path(0).path("Namespace").asText());
        assertEquals("local", line.path("Stage").asText(), "CloudWatch refuses an empty dimension value");
        assertEquals("local", line.path("FunctionName").asText());
    }

    @Test
    void eachCountWritesOneLine() throws Exception {
        long before = System.currentTimeMillis();
        String written;
        try (StdoutCapture out = StdoutCapture.start()) {
            Metrics.count(Metrics.Count.REFRESHES);
            Metrics.count(Metrics.Count.REUSE_DETECTIONS);
            written = out.text();
        }
        String[] lines = written.split("\\n");
        assertEquals(2, lines.length, written);
        assertEquals(1, JSON.readTree(lines[0]).path("Refreshes").asInt());
        assertEquals(1, JSON.readTree(lines[1]).path("ReuseDetections").asInt());
        long stamped = JSON.readTree(lines[0]).path("_aws").path("Timestamp").asLong();
        assertTrue(stamped >= before && stamped <= System.currentTimeMillis(), "timestamp is now: " + stamped);
    }

    /** Lambda's runtime swaps System.out for its own stream before the handler loads: the lines must follow. */
    @Test
    void byDefaultALineGoesToSystemOutAsItIsWhenCounting() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            Metrics.count(Metrics.Count.LOCKOUTS);
        } finally {
            System.setOut(original);
        }
        JsonNode line = JSON.readTree(written.toString(StandardCharsets.UTF_8));
        assertEquals(1, line.path("Lockouts").asInt());
        assertEquals(System.getenv().getOrDefault("METRICS_NAMESPACE", "Accounts"),
                line.path("_aws").path("CloudWatchMetrics").path(0).path("Namespace").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
