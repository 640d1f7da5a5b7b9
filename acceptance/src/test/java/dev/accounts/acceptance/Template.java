package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.devkit.CloudFormationYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * template.yaml as a tree, read by devkit's CloudFormation reader (the one the local API uses) with each intrinsic
 * function replaced by its argument ({@code !Ref UsersTable} becomes {@code "UsersTable"}), which is all the facts
 * checked here need; checks that must tell a reference from a literal look at the text.
 */
final class Template {

    static final String FUNCTION = "AWS::Serverless::Function";

    final String text;
    final JsonNode root;

    private Template(String text) {
        this.text = text;
        this.root = CloudFormationYaml.argumentsOnly(CloudFormationYaml.read(text));
    }

    static Template load() {
        return load("template.yaml");
    }

    /** Another SAM template of the repository, e.g. docs/authorizer-example.yaml. */
    static Template load(String relativePath) {
        return new Template(Repository.read(relativePath));
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

    /**
     * The function's policies: a SAM policy template by name and its target ({@code DynamoDBReadPolicy} on
     * {@code UsersTable}), or an inline statement's action and resource ({@code dynamodb:ConditionCheckItem} on
     * {@code UsersTable}, from {@code !GetAtt UsersTable.Arn}; {@code dynamodb:Query} on
     * {@code UsersTable/index/EmailIndex}, from {@code !Sub ${UsersTable.Arn}/index/EmailIndex}). A managed policy
     * of the template ({@code !Ref SendMailPolicy}) counts with its statements, also when attached under an
     * {@code !If} (as the granted case). Only Allow statements are expected.
     */
    List<Policy> policies(String functionId) {
        List<Policy> found = new ArrayList<>();
        for (JsonNode policy : resource(functionId).path("Properties").path("Policies")) {
            JsonNode granted = policy.isArray() && policy.size() == 3 ? policy.get(1) : policy; // !If [condition, then, else]
            if (granted.isTextual()) {
                JsonNode managed = resource(granted.asText());
                if (!"AWS::IAM::ManagedPolicy".equals(managed.path("Type").asText())) {
                    throw new AssertionError(functionId + ": " + granted + " is no managed policy of the template");
                }
                addStatements(functionId, managed.path("Properties").path("PolicyDocument"), found);
            } else if (granted.has("Statement")) {
                addStatements(functionId, granted, found);
            } else {
                granted.properties().forEach(e -> {
                    JsonNode argument = e.getValue();
                    found.add(new Policy(e.getKey(), argument.has("TableName") ? argument.path("TableName").asText()
                            : argument.has("KeyId") ? argument.path("KeyId").asText() : argument.path("SecretArn").asText()));
                });
            }
        }
        return found;
    }

    private static void addStatements(String functionId, JsonNode document, List<Policy> found) {
        for (JsonNode statement : document.path("Statement")) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                throw new AssertionError(functionId + ": only Allow statements are expected: " + statement);
            }
            String target = statement.path("Resource").asText()
                    .replaceFirst("^\\$\\{(\\w+)\\.Arn}/", "$1/")
                    .replaceFirst("\\.Arn$", "");
            JsonNode actions = statement.path("Action");
            (actions.isArray() ? actions : List.of(actions)).forEach(a -> found.add(new Policy(a.asText(), target)));
        }
    }

    /** A SAM policy template or an IAM action, on a resource of the template (its logical id). */
    record Policy(String name, String target) {

        boolean isInlineAction() {
            return name.contains(":");
        }

        @Override
        public String toString() {
            return name + " " + target;
        }
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
        // OpenID is one word, as in the path it serves: OpenIdConfigurationFunction → openid-configuration
        return base.replace("OpenId", "Openid").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
