package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accounts.core.log.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on in template.yaml: the functions' logs, metrics and traces, the alarms and what
 * they watch, the dashboard, and the HTTP API's throttling, CORS and access log.
 */
class OperationsTemplateTest {
    private static final Template TEMPLATE = Template.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALARMS = List.of("ServerErrorRateAlarm", "FunctionThrottlesAlarm",
            "ReuseDetectionAlarm", "LockoutAlarm");

    @Test
    void functionsLogJsonAndTraceByParameter() {
        assertEquals("JSON", TEMPLATE.functionGlobals().path("LoggingConfig").path("LogFormat").asText(),
                "Lambda's JSON log format, for every function");
        for (String id : TEMPLATE.functionIds()) {
            assertTrue(TEMPLATE.resource(id).path("Properties").path("LoggingConfig").path("LogFormat").isMissingNode(),
                    id + " keeps the format of Globals");
        }
        // the parameter itself: SAM grants X-Ray only when the value is not Disabled, which an !If would defeat
        assertEquals("Tracing", TEMPLATE.functionGlobals().path("Tracing").asText());
        assertTrue(TEMPLATE.text.contains("    Tracing: !Ref Tracing\n"), "Globals Tracing: !Ref Tracing");
        JsonNode tracing = TEMPLATE.root.path("Parameters").path("Tracing");
        assertEquals(List.of("Active", "PassThrough", "Disabled"), texts(tracing.path("AllowedValues")));
        assertEquals("Disabled", tracing.path("Default").asText());
    }

    @Test
    void theAlarmsAreTheFourOperationsDocuments() {
        // the throttle alarm is a composite of two parts that notify nobody themselves
        assertEquals(List.of("ServerErrorRateAlarm", "TokenFunctionThrottlesAlarm", "LifecycleFunctionThrottlesAlarm",
                "ReuseDetectionAlarm", "LockoutAlarm"), List.copyOf(TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").keySet()));
        assertEquals(List.of("FunctionThrottlesAlarm"), List.copyOf(TEMPLATE.resourcesOfType("AWS::CloudWatch::CompositeAlarm").keySet()));
        String operations = Repository.read("docs/OPERATIONS.md");
        for (String alarm : ALARMS) {
            assertTrue(operations.contains(alarm), "docs/OPERATIONS.md says nothing of " + alarm);
        }
    }

    /** Every alarm notifies the topic when one is given, both ways; without one, nobody, yet it still shows. */
    @Test
    void everyAlarmNotifiesTheTopicParameterWhenItIsSet() {
        assertEquals("", TEMPLATE.parameterDefault("AlarmTopicArn"));
        assertTrue(TEMPLATE.text.contains("HasAlarmTopic: !Not [!Equals [!Ref AlarmTopicArn, \"\"]]"));
        for (String alarm : ALARMS) {
            JsonNode properties = TEMPLATE.resource(alarm).path("Properties");
            for (String actions : List.of("AlarmActions", "OKActions")) {
                assertEquals("[\"HasAlarmTopic\",[\"AlarmTopicArn\"],\"AWS::NoValue\"]", properties.path(actions).toString(),
                        alarm + " " + actions);
            }
            if (!"AWS::CloudWatch::CompositeAlarm".equals(TEMPLATE.resource(alarm).path("Type").asText())) { // its parts decide
                assertEquals("notBreaching", properties.path("TreatMissingData").asText(), alarm + ": no traffic is no trouble");
            }
            assertFalse(properties.path("AlarmDescription").asText().isBlank(), alarm + " says what it means");
        }
    }

    @Test
    void theServerErrorAlarmWatchesTheApisStagesShareOf5xx() {
        JsonNode properties = TEMPLATE.resource("ServerErrorRateAlarm").path("Properties");
        Map<String, JsonNode> byId = metricsById(properties);
        assertEquals(Set.of("rate", "errors", "requests"), byId.keySet());
        assertEquals("IF(requests >= 10, 100 * errors / requests, 0)", byId.get("rate").path("Expression").asText());
        assertTrue(byId.get("rate").path("ReturnData").asBoolean());
        for (Map.Entry<String, String> metric : Map.of("errors", "5xx", "requests", "Count").entrySet()) {
            JsonNode stat = byId.get(metric.getKey()).path("MetricStat");
            assertEquals("AWS/ApiGateway", stat.path("Metric").path("Namespace").asText());
            assertEquals(metric.getValue(), stat.path("Metric").path("MetricName").asText());
            assertEquals("[{\"Name\":\"ApiId\",\"Value\":\"AccountApi\"},{\"Name\":\"Stage\",\"Value\":\"Stage\"}]",
                    stat.path("Metric").path("Dimensions").toString());
            assertEquals("Sum", stat.path("Stat").asText());
        }
        assertEquals("GreaterThanThreshold", properties.path("ComparisonOperator").asText());
        assertEquals(5, properties.path("Threshold").asInt(), "per cent");
    }

    @Test
    void theThrottleAlarmWatchesEveryFunctionOfTheApi() {
        // One metric-math alarm reads at most 10 metrics: a composite alarm over two alarms, which notify nobody.
        JsonNode composite = TEMPLATE.resource("FunctionThrottlesAlarm");
        assertEquals("AWS::CloudWatch::CompositeAlarm", composite.path("Type").asText());
        String rule = composite.path("Properties").path("AlarmRule").asText();
        List<String> parts = List.of("TokenFunctionThrottlesAlarm", "LifecycleFunctionThrottlesAlarm");
        assertEquals("ALARM(\"${" + parts.get(0) + "}\") OR ALARM(\"${" + parts.get(1) + "}\")", rule);
        Set<String> watched = new TreeSet<>();
        int metricCount = 0;
        for (String part : parts) {
            JsonNode properties = TEMPLATE.resource(part).path("Properties");
            assertTrue(properties.path("AlarmActions").isMissingNode() && properties.path("OKActions").isMissingNode(),
                    part + " notifies through the composite only");
            Map<String, JsonNode> byId = metricsById(properties);
            List<String> ids = new ArrayList<>();
            byId.forEach((id, metric) -> {
                if (metric.has("MetricStat")) {
                    JsonNode m = metric.path("MetricStat").path("Metric");
                    assertEquals("AWS/Lambda", m.path("Namespace").asText(), id);
                    assertEquals("Throttles", m.path("MetricName").asText(), id);
                    assertEquals("FunctionName", m.path("Dimensions").path(0).path("Name").asText(), id);
                    assertTrue(watched.add(m.path("Dimensions").path(0).path("Value").asText()), id + " watched twice");
                    ids.add(id);
                }
            });
            assertTrue(ids.size() <= 10, part + ": CloudWatch allows 10 metrics in one alarm, not " + ids.size());
            metricCount += ids.size();
            assertEquals("SUM([" + String.join(", ", ids) + "])", byId.get("throttles").path("Expression").asText());
            assertEquals(0, properties.path("Threshold").asInt());
            assertEquals("GreaterThanThreshold", properties.path("ComparisonOperator").asText());
        }
        assertEquals(new TreeSet<>(TEMPLATE.functionIds()), watched, "every function of the API, each once");
        assertEquals(TEMPLATE.functionIds().size(), metricCount);
    }

    /**
     * The two alarms on the service's own metrics watch what the functions emit: with the environment the
     * template gives them, the metric lines carry the alarm's namespace and the Stage dimension alone as a set.
     */
    @Test
    void theReuseAndLockoutAlarmsWatchMetricsTheFunctionsEmit() throws Exception {
        Map<String, String> environment = Map.of(
                "METRICS_NAMESPACE", TEMPLATE.parameterDefault("MetricsNamespace"),
                "STAGE", TEMPLATE.parameterDefault("Stage"));
        Map<String, Metrics.Count> alarmed = Map.of("ReuseDetectionAlarm", Metrics.Count.REUSE_DETECTIONS,
                "LockoutAlarm", Metrics.Count.LOCKOUTS);
        Map<String, String> thresholds = Map.of("ReuseDetectionAlarm", "ReuseDetectionAlarmThreshold",
                "LockoutAlarm", "LockoutAlarmThreshold");
        for (Map.Entry<String, Metrics.Count> entry : alarmed.entrySet()) {
            JsonNode alarm = TEMPLATE.resource(entry.getKey()).path("Properties");
            assertEquals("MetricsNamespace", alarm.path("Namespace").asText(), entry.getKey());
            assertEquals(entry.getValue().metricName(), alarm.path("MetricName").asText(), entry.getKey());
            assertEquals("[{\"Name\":\"Stage\",\"Value\":\"Stage\"}]", alarm.path("Dimensions").toString(), entry.getKey());
            assertEquals("Sum", alarm.path("Statistic").asText());
            assertEquals(thresholds.get(entry.getKey()), alarm.path("Threshold").asText(), entry.getKey() + " threshold parameter");
            assertEquals("GreaterThanOrEqualToThreshold", alarm.path("ComparisonOperator").asText());

            JsonNode line = emitted(entry.getValue(), environment);
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
            assertEquals(environment.get("METRICS_NAMESPACE"), directive.path("Namespace").asText());
            assertTrue(texts(directive.path("Dimensions")).contains("[\"Stage\"]"), "a Stage-only dimension set: " + line);
            assertEquals(environment.get("STAGE"), line.path("Stage").asText());
        }
    }

    @Test
    void theDashboardShowsTheAlarmsEveryCountAndTheApisHealth() throws Exception {
        JsonNode dashboard = TEMPLATE.resource("OperationsDashboard").path("Properties");
        String body = dashboard.path("DashboardBody").asText();
        Set<String> referenced = new LinkedHashSet<>();
        Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(body);
        while (reference.find()) {
            referenced.add(reference.group(1));
        }
        for (String name : referenced) {
            String base = name.replaceFirst("\\.Arn$", "");
            assertTrue(name.startsWith("AWS::") || TEMPLATE.root.path("Parameters").has(base)
                    || TEMPLATE.root.path("Resources").has(base), "the dashboard refers to an unknown " + name);
        }
        JsonNode widgets = JSON.readTree(body.replaceAll("\\$\\{[^}]+}", "x")).path("widgets");
        assertTrue(widgets.size() >= 5, "widgets: " + widgets.size());

        List<String> alarms = new ArrayList<>();
        Set<String> ownMetrics = new TreeSet<>();
        Set<String> awsMetrics = new TreeSet<>();
        for (JsonNode widget : widgets) {
            widget.path("properties").path("alarms").forEach(a -> alarms.add(a.asText()));
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                String namespace = metric.path(0).asText();
                if (metric.path(0).isTextual() && namespace.startsWith("AWS/")) {
                    awsMetrics.add(namespace + " " + metric.path(1).asText());
                } else if (metric.path(0).isTextual()) {
                    ownMetrics.add(metric.path(1).asText());
                }
            }
        }
        assertEquals(ALARMS.size(), alarms.size());
        for (String alarm : ALARMS) {
            assertTrue(body.contains("\"${" + alarm + ".Arn}\""), "the dashboard shows " + alarm);
        }
        Set<String> counts = new TreeSet<>();
        for (Metrics.Count count : Metrics.Count.values()) {
            counts.add(count.metricName());
        }
        assertEquals(counts, ownMetrics, "every count the functions emit, and no other");
        assertTrue(body.contains("[\"${MetricsNamespace}\", \"SignUps\", \"Stage\", \"${Stage}\"]"), "own metrics by Stage");
        assertEquals(Set.of("AWS/ApiGateway 4xx", "AWS/ApiGateway 5xx", "AWS/ApiGateway Count", "AWS/ApiGateway Latency"),
                awsMetrics);
        assertTrue(body.contains("MetricName=\\\"Throttles\\\""), "the functions' throttles");
        assertTrue(TEMPLATE.root.path("Outputs").path("DashboardUrl").path("Value").asText().contains("${OperationsDashboard}"));
    }

    @Test
    void everyRouteOfTheStageIsThrottledByParameters() {
        JsonNode settings = TEMPLATE.resource("AccountApi").path("Properties").path("DefaultRouteSettings");
        assertEquals("ThrottlingRateLimit", settings.path("ThrottlingRateLimit").asText());
        assertEquals("ThrottlingBurstLimit", settings.path("ThrottlingBurstLimit").asText());
        for (String parameter : List.of("ThrottlingRateLimit", "ThrottlingBurstLimit")) {
            JsonNode declared = TEMPLATE.root.path("Parameters").path(parameter);
            assertEquals("Number", declared.path("Type").asText(), parameter);
            assertTrue(declared.path("MinValue").asInt() >= 1, parameter + ": 0 would refuse every request");
        }
        assertTrue(Integer.parseInt(TEMPLATE.parameterDefault("ThrottlingBurstLimit"))
                >= Integer.parseInt(TEMPLATE.parameterDefault("ThrottlingRateLimit")), "a burst at least the steady rate");
    }

    /** CORS only for the origins given (none by default), for the methods the routes use, never with cookies. */
    @Test
    void corsAllowsOnlyTheOriginsGiven() {
        assertEquals("", TEMPLATE.parameterDefault("CorsAllowedOrigins"), "no cross-origin access unless asked for");
        assertTrue(TEMPLATE.text.contains("HasCorsOrigins: !Not [!Equals [!Ref CorsAllowedOrigins, \"\"]]"));
        JsonNode cors = TEMPLATE.resource("AccountApi").path("Properties").path("CorsConfiguration");
        assertEquals("HasCorsOrigins", cors.path(0).asText());
        assertEquals("AWS::NoValue", cors.path(2).asText(), "without origins, no CORS configuration at all");
        JsonNode configuration = cors.path(1);
        assertEquals("[\",\",\"CorsAllowedOrigins\"]", configuration.path("AllowOrigins").toString());
        assertFalse(configuration.path("AllowCredentials").asBoolean(false), "tokens travel in headers, not cookies");
        Set<String> methods = new TreeSet<>();
        TEMPLATE.routes().forEach(route -> methods.add(route.method()));
        assertEquals(methods, new TreeSet<>(texts(configuration.path("AllowMethods"))));
        assertEquals(Set.of("authorization", "content-type"), new TreeSet<>(texts(configuration.path("AllowHeaders"))));
        String pattern = TEMPLATE.root.path("Parameters").path("CorsAllowedOrigins").path("AllowedPattern").asText();
        assertTrue("https://app.example.com,http://localhost:5173".matches(pattern));
        assertFalse("*".matches(pattern), "origins are named, never *");
    }

    @Test
    void theStageWritesAJsonAccessLogWithoutSecretsToItsOwnGroup() throws Exception {
        JsonNode settings = TEMPLATE.resource("AccountApi").path("Properties").path("AccessLogSettings");
        assertEquals("AccessLogGroup.Arn", settings.path("DestinationArn").asText());
        JsonNode group = TEMPLATE.resource("AccessLogGroup");
        assertEquals("AWS::Logs::LogGroup", group.path("Type").asText());
        assertEquals("LogRetentionInDays", group.path("Properties").path("RetentionInDays").asText());

        String format = settings.path("Format").asText();
        assertFalse(format.contains("\n"), "one line per request");
        JsonNode line = JSON.readTree(format);
        assertTrue(line.isObject(), format);
        line.properties().forEach(e -> assertTrue(e.getValue().asText().matches("\\$context\\.[A-Za-z.]+"),
                e.getKey() + " is not a $context variable: " + e.getValue()));
        assertEquals("$context.requestId", line.path("requestId").asText(), "the id the functions log as requestId");
        for (String field : List.of("status", "routeKey", "ip", "responseLatency", "integrationError")) {
            assertTrue(line.has(field), "access log field " + field);
        }
        for (String secret : List.of("header", "authorization", "$input", "querystring", "body")) {
            assertFalse(format.toLowerCase(java.util.Locale.ROOT).contains(secret), "the access log must not hold " + secret);
        }
    }

    @Test
    void theFunctionsAreToldTheirMetricsLabels() {
        JsonNode variables = TEMPLATE.functionGlobals().path("Environment").path("Variables");
        assertEquals("MetricsNamespace", variables.path(Metrics.NAMESPACE_VARIABLE).asText());
        assertEquals("Stage", variables.path(Metrics.STAGE_VARIABLE).asText());
        String namespacePattern = TEMPLATE.root.path("Parameters").path("MetricsNamespace").path("AllowedPattern").asText();
        assertTrue(TEMPLATE.parameterDefault("MetricsNamespace").matches(namespacePattern));
    }

    private static JsonNode emitted(Metrics.Count count, Map<String, String> environment) throws Exception {
        return JSON.readTree(Metrics.line(count, Metrics.Destination.of(environment), System.currentTimeMillis()));
    }

    private static Map<String, JsonNode> metricsById(JsonNode alarmProperties) {
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        alarmProperties.path("Metrics").forEach(m -> byId.put(m.path("Id").asText(), m));
        return byId;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.isTextual() ? n.asText() : n.toString()));
        return values;
    }
}
