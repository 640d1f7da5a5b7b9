package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * events/<function>.json are what `sam local invoke -e` feeds a function and what the replay tests send through
 * the handlers: each must be the API Gateway HTTP API (payload 2.0) event its route really produces.
 */
class EventFilesTest {

    private static final Template TEMPLATE = Template.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> NEEDS_BEARER_TOKEN = Set.of("LogoutFunction", "DeleteAccountFunction",
            "ChangePasswordFunction", "LogoutAllFunction", "GetProfileFunction", "UpdateProfileFunction");

    static List<Template.Route> routes() {
        return TEMPLATE.routes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void isThePayload20EventOfItsRoute(Template.Route route) throws IOException {
        JsonNode event = event(route.module());
        String stage = TEMPLATE.parameterDefault("Stage");
        JsonNode context = event.path("requestContext");

        assertEquals("2.0", event.path("version").asText(), "version");
        assertEquals(route.routeKey(), event.path("routeKey").asText(), "routeKey");
        assertEquals(route.routeKey(), context.path("routeKey").asText(), "requestContext.routeKey");
        assertEquals(route.method(), context.path("http").path("method").asText(), "requestContext.http.method");
        assertEquals(stage, context.path("stage").asText(), "requestContext.stage: the template's default Stage");
        // a named stage is the first segment of the path API Gateway passes on
        String rawPath = "/" + stage + withPathParameters(route.path(), event.path("pathParameters"));
        assertEquals(rawPath, event.path("rawPath").asText(), "rawPath");
        assertEquals(rawPath, context.path("http").path("path").asText(), "requestContext.http.path");
        assertEquals(pathParameterNames(route.path()), fieldNames(event.path("pathParameters")), "pathParameters");
        assertTrue(event.path("rawQueryString").isTextual(), "rawQueryString");
        assertFalse(event.path("isBase64Encoded").asBoolean(true), "isBase64Encoded");

        for (String field : List.of("accountId", "apiId", "domainName", "requestId", "time")) {
            assertFalse(context.path(field).asText("").isBlank(), "requestContext." + field);
        }
        assertTrue(context.path("timeEpoch").canConvertToLong(), "requestContext.timeEpoch");
        for (String field : List.of("protocol", "sourceIp", "userAgent")) {
            assertFalse(context.path("http").path(field).asText("").isBlank(), "requestContext.http." + field);
        }
        assertTrue(context.path("domainName").asText().startsWith(context.path("apiId").asText() + ".execute-api."),
                "domainName of the API");
        assertEquals(context.path("domainName").asText(), event.path("headers").path("host").asText(), "host header");
        // HTTP APIs hand header names over in lower case
        fieldNames(event.path("headers")).forEach(name -> assertEquals(name.toLowerCase(Locale.ROOT), name, "header " + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void carriesAJsonBodyExactlyWhenTheRouteTakesOne(Template.Route route) throws IOException {
        JsonNode event = event(route.module());
        if (Set.of("DELETE", "GET").contains(route.method())) {
            assertTrue(event.path("body").isMissingNode(), "a " + route.method() + " carries no body");
            assertTrue(event.path("headers").path("content-type").isMissingNode(), "no content-type without a body");
            assertTrue(event.path("headers").path("content-length").isMissingNode(), "no content-length without a body");
            return;
        }
        assertTrue(event.path("body").isTextual(), "body is the request's text");
        assertTrue(JSON.readTree(event.path("body").asText()).isObject(), "body is a JSON object");
        assertEquals("application/json", event.path("headers").path("content-type").asText(), "content-type");
        // as sent, before the replay substitutes real tokens for the placeholders
        assertEquals(String.valueOf(event.path("body").asText().getBytes(StandardCharsets.UTF_8).length),
                event.path("headers").path("content-length").asText(), "content-length");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void sendsABearerTokenWhereTheContractAsksForOne(Template.Route route) throws IOException {
        String authorization = event(route.module()).path("headers").path("authorization").asText("");
        if (NEEDS_BEARER_TOKEN.contains(route.functionId())) {
            assertTrue(authorization.startsWith("Bearer "), "authorization: " + authorization);
        } else {
            assertEquals("", authorization, "no authorization header");
        }
    }

    @Test
    void loginLogsInTheAccountThatCreateAccountCreates() throws IOException {
        JsonNode created = JSON.readTree(event("create-account").path("body").asText());
        JsonNode login = JSON.readTree(event("login").path("body").asText());
        assertEquals(created.path("username"), login.path("username"));
        assertEquals(created.path("password"), login.path("password"));
    }

    @Test
    void everyEventFileBelongsToARoute() throws IOException {
        Set<String> expected = new TreeSet<>();
        routes().forEach(route -> expected.add(route.module() + ".json"));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(Repository.file("events"))) {
            files.forEach(file -> present.add(file.getFileName().toString()));
        }
        assertEquals(expected, present);
    }

    private static JsonNode event(String module) throws IOException {
        return JSON.readTree(Repository.read("events/" + module + ".json"));
    }

    private static String withPathParameters(String path, JsonNode parameters) {
        Matcher matcher = PATH_PARAMETER.matcher(path);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(parameters.path(matcher.group(1)).asText("{missing}")));
        }
        return matcher.appendTail(result).toString();
    }

    private static Set<String> pathParameterNames(String path) {
        Set<String> names = new TreeSet<>();
        PATH_PARAMETER.matcher(path).results().forEach(m -> names.add(m.group(1)));
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
