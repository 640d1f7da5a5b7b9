package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * template.yaml as a tree. A short tag is read as its bare argument ({@code !Ref UsersTable} becomes
 * {@code "UsersTable"}), which is all the facts checked here need; checks that must tell a reference from a
 * literal look at the text.
 */
final class Template {

    static final String FUNCTION = "AWS::Serverless::Function";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String text;
    final JsonNode root;

    private Template(String text) {
        this.text = text;
        try {
            this.root = YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("template.yaml is not valid YAML", e);
        }
    }

    static Template load() {
        return new Template(Repository.read("template.yaml"));
    }

    JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    /** Logical id → resource, for every resource of the type, in template order. */
    Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    List<String> functionIds() {
        return List.copyOf(resourcesOfType(FUNCTION).keySet());
    }

    JsonNode functionGlobals() {
        return root.path("Globals").path("Function");
    }

    /** A scalar or list property as the function gets it: its own value, else the one from Globals. */
    JsonNode effective(String functionId, String property) {
        JsonNode own = resource(functionId).path("Properties").path(property);
        return own.isMissingNode() ? functionGlobals().path(property) : own;
    }

    /** An environment variable as the function gets it (SAM merges the Globals' variables with its own). */
    JsonNode environmentVariable(String functionId, String name) {
        JsonNode own = resource(functionId).path("Properties").path("Environment").path("Variables").path(name);
        return own.isMissingNode() ? functionGlobals().path("Environment").path("Variables").path(name) : own;
    }

    String parameterDefault(String name) {
        return root.path("Parameters").path(name).path("Default").asText(null);
    }

    /** Every HttpApi route, in template order. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        resourcesOfType(FUNCTION).forEach((id, function) ->
                function.path("Properties").path("Events").forEach(event -> {
                    if ("HttpApi".equals(event.path("Type").asText())) {
                        JsonNode properties = event.path("Properties");
                        routes.add(new Route(id, properties.path("Method").asText().toUpperCase(Locale.ROOT),
                                properties.path("Path").asText()));
                    }
                }));
        return routes;
    }

    /** An HTTP API route and the function that serves it. */
    record Route(String functionId, String method, String path) {

        String routeKey() {
            return method + " " + path;
        }

        /** functions/<module>, events/<module>.json: LoginFunction → login, CreateAccountFunction → create-account. */
        String module() {
            return Template.module(functionId);
        }

        @Override
        public String toString() {
            return routeKey() + " → " + functionId;
        }
    }

    static String module(String functionId) {
        String base = functionId.endsWith("Function") ? functionId.substring(0, functionId.length() - "Function".length()) : functionId;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
