package dev.accounts.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parts of a SAM template a local run needs: tables, functions (Globals merged in), their HTTP API
 * routes and environment, secrets and parameters. Short tags ({@code !Ref}, {@code !If}, ...) are read as
 * CloudFormation reads them; parameters take their Default unless overridden.
 */
public final class SamTemplate {

    public static final String FILE_NAME = "template.yaml";
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String SIMPLE_TABLE_TYPE = "AWS::Serverless::SimpleTable";
    static final String SECRET_TYPE = "AWS::SecretsManager::Secret";
    static final String HTTP_API_TYPE = "AWS::Serverless::HttpApi";

    private final Path source;
    private final JsonNode root;
    private final Map<String, String> resourceTypes;
    private final Map<String, String> parameters;
    private final List<TableSpec> tables;
    private final List<FunctionSpec> functions;
    private final Map<String, Optional<String>> secrets;
    private final JsonNode httpApi;

    private SamTemplate(Path source, JsonNode root, Map<String, String> parameterOverrides) {
        this.source = source;
        this.root = root;
        JsonNode resources = root.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            throw new IllegalArgumentException("Template has no Resources: " + describeSource());
        }
        this.resourceTypes = resourceTypes(resources);
        Map<String, JsonNode> parameterValues = parameterValues(root.path("Parameters"), parameterOverrides);
        Intrinsics intrinsics = new Intrinsics(parameterValues, root.path("Conditions"), resourceTypes.keySet());
        this.parameters = textValues(parameterValues);
        this.tables = readTables(resources, intrinsics);
        this.functions = readFunctions(resources, root.path("Globals").path("Function"), intrinsics);
        this.secrets = readSecrets(resources, intrinsics);
        this.httpApi = readHttpApi(resources, intrinsics);
    }

    /** The template.yaml of the project: found by walking up from the working directory. */
    public static SamTemplate locate() {
        return load(locateFile(Path.of(System.getProperty("user.dir"))));
    }

    /** The path of the nearest template.yaml in {@code start} or a directory above it. */
    public static Path locateFile(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + FILE_NAME + " in " + start.toAbsolutePath() + " or any directory above it");
    }

    public static SamTemplate load(Path file) {
        return load(file, Map.of());
    }

    /** Reads the template; {@code parameterOverrides} replace parameters' defaults, as {@code sam --parameter-overrides}. */
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) {
        try {
            return new SamTemplate(file.toAbsolutePath(), CloudFormationYaml.read(Files.readString(file)), parameterOverrides);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return parse(yaml, Map.of());
    }

    public static SamTemplate parse(String yaml, Map<String, String> parameterOverrides) {
        return new SamTemplate(null, CloudFormationYaml.read(yaml), parameterOverrides);
    }

    /** The file read, if the template came from one. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** The whole template as a tree, short tags in long form ({@code {"Ref": ...}}), for checks beyond this class. */
    public JsonNode tree() {
        return root.deepCopy();
    }

    /** Parameter values: Default, or the override given; parameters without either are absent. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Logical id → resource Type, in template order. */
    public Map<String, String> resourceTypes() {
        return resourceTypes;
    }

    public List<TableSpec> tables() {
        return tables;
    }

    public Optional<TableSpec> table(String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst();
    }

    public List<FunctionSpec> functions() {
        return functions;
    }

    public Optional<FunctionSpec> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** Every HttpApi route of every function, in template order. */
    public List<HttpRoute> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    /**
     * The Properties of the template's first AWS::Serverless::HttpApi, intrinsics resolved (e.g. CorsConfiguration,
     * DefaultRouteSettings); an empty object when the template declares none (SAM's implicit API has no settings).
     */
    public JsonNode httpApiProperties() {
        return httpApi.deepCopy();
    }

    /** Secrets Manager secrets: logical id → the Name property when the template sets a literal one. */
    public Map<String, Optional<String>> secrets() {
        return secrets;
    }

    private String describeSource() {
        return source == null ? "(inline)" : source.toString();
    }

    private static Map<String, String> resourceTypes(JsonNode resources) {
        Map<String, String> types = new LinkedHashMap<>();
        resources.fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().path("Type").asText()));
        return Collections.unmodifiableMap(types);
    }

    private static Map<String, JsonNode> parameterValues(JsonNode declared, Map<String, String> overrides) {
        Map<String, JsonNode> values = new HashMap<>();
        declared.fields().forEachRemaining(e -> {
            String name = e.getKey();
            if (overrides.containsKey(name)) {
                values.put(name, JsonNodeFactory.instance.textNode(overrides.get(name)));
            } else if (e.getValue().has("Default")) {
                values.put(name, e.getValue().get("Default"));
            } else {
                values.put(name, null); // declared without a value: Ref stays unresolved
            }
        });
        for (String name : overrides.keySet()) {
            if (!declared.has(name)) {
                throw new IllegalArgumentException("Parameter override for an undeclared parameter: " + name);
            }
        }
        return values;
    }

    private static Map<String, String> textValues(Map<String, JsonNode> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && value.isValueNode()) {
                text.put(name, value.asText());
            }
        });
        return Collections.unmodifiableMap(text);
    }

    // ---- tables

    private List<TableSpec> readTables(JsonNode resources, Intrinsics intrinsics) {
        List<TableSpec> result = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            String type = e.getValue().path("Type").asText();
            JsonNode properties = intrinsics.resolve(e.getValue().path("Properties"));
            if (TABLE_TYPE.equals(type)) {
                result.add(dynamoTable(e.getKey(), properties));
            } else if (SIMPLE_TABLE_TYPE.equals(type)) {
                result.add(simpleTable(e.getKey(), properties));
            }
        });
        return List.copyOf(result);
    }

    private static TableSpec dynamoTable(String logicalId, JsonNode properties) {
        Map<String, String> attributeTypes = new HashMap<>();
        for (JsonNode definition : properties.path("AttributeDefinitions")) {
            attributeTypes.put(definition.path("AttributeName").asText(), definition.path("AttributeType").asText());
        }
        KeyAttribute[] keys = keys(logicalId, properties.path("KeySchema"), attributeTypes);
        List<IndexSpec> indexes = new ArrayList<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            KeyAttribute[] indexKeys = keys(logicalId, index.path("KeySchema"), attributeTypes);
            List<String> nonKey = new ArrayList<>();
            index.path("Projection").path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
            indexes.add(new IndexSpec(index.path("IndexName").asText(), indexKeys[0], Optional.ofNullable(indexKeys[1]),
                    index.path("Projection").path("ProjectionType").asText("ALL"), List.copyOf(nonKey)));
        }
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        Optional<String> ttlAttribute = ttl.path("Enabled").asBoolean(false) && ttl.hasNonNull("AttributeName")
                ? Optional.of(ttl.get("AttributeName").asText())
                : Optional.empty();
        return new TableSpec(logicalId, literal(properties.get("TableName")), keys[0], Optional.ofNullable(keys[1]),
                ttlAttribute, List.copyOf(indexes));
    }

    private static TableSpec simpleTable(String logicalId, JsonNode properties) {
        JsonNode primaryKey = properties.path("PrimaryKey");
        KeyAttribute key = primaryKey.isMissingNode()
                ? new KeyAttribute("id", "S")
                : new KeyAttribute(primaryKey.path("Name").asText(), simpleType(primaryKey.path("Type").asText("String")));
        return new TableSpec(logicalId, literal(properties.get("TableName")), key, Optional.empty(), Optional.empty(), List.of());
    }

    private static String simpleType(String samType) {
        return switch (samType) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
    }

    /** [partition key, sort key or null]. */
    private static KeyAttribute[] keys(String owner, JsonNode keySchema, Map<String, String> attributeTypes) {
        KeyAttribute[] keys = new KeyAttribute[2];
        for (JsonNode element : keySchema) {
            String name = element.path("AttributeName").asText();
            String type = attributeTypes.get(name);
            if (type == null) {
                throw new IllegalArgumentException(owner + ": key attribute " + name + " has no AttributeDefinitions entry");
            }
            keys["HASH".equals(element.path("KeyType").asText()) ? 0 : 1] = new KeyAttribute(name, type);
        }
        if (keys[0] == null) {
            throw new IllegalArgumentException(owner + ": KeySchema has no HASH key");
        }
        return keys;
    }

    // ---- functions

    private List<FunctionSpec> readFunctions(JsonNode resources, JsonNode globals, Intrinsics intrinsics) {
        List<FunctionSpec> result = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (FUNCTION_TYPE.equals(e.getValue().path("Type").asText())) {
                JsonNode properties = intrinsics.resolve(merge(globals, e.getValue().path("Properties")));
                result.add(function(e.getKey(), properties, intrinsics));
            }
        });
        return List.copyOf(result);
    }

    private static FunctionSpec function(String logicalId, JsonNode properties, Intrinsics intrinsics) {
        Map<String, EnvironmentValue> environment = new LinkedHashMap<>();
        properties.path("Environment").path("Variables").fields()
                .forEachRemaining(v -> environment.put(v.getKey(), environmentValue(v.getValue(), intrinsics)));
        List<HttpRoute> routes = new ArrayList<>();
        properties.path("Events").fields().forEachRemaining(event -> {
            if ("HttpApi".equals(event.getValue().path("Type").asText())) {
                JsonNode eventProperties = event.getValue().path("Properties");
                // SAM: an HttpApi event without Path and Method is the API's catch-all route
                String path = eventProperties.path("Path").asText("$default");
                String method = eventProperties.path("Method").asText("ANY").toUpperCase(Locale.ROOT);
                routes.add(new HttpRoute("*".equals(method) ? "ANY" : method, path, logicalId));
            }
        });
        JsonNode codeUri = properties.path("CodeUri");
        return new FunctionSpec(logicalId, properties.path("Handler").asText(null),
                codeUri.isValueNode() ? codeUri.asText() : codeUri.isMissingNode() ? null : codeUri.toString(),
                properties.path("Timeout").asInt(FunctionSpec.DEFAULT_TIMEOUT_SECONDS),
                properties.path("MemorySize").asInt(FunctionSpec.DEFAULT_MEMORY_SIZE_MB),
                Collections.unmodifiableMap(environment), List.copyOf(routes),
                reservedConcurrency(properties.path("ReservedConcurrentExecutions")));
    }

    /** A number, or a parameter's text ("5"); absent or not a number: no reservation. */
    private static OptionalInt reservedConcurrency(JsonNode value) {
        int reserved = value.isValueNode() ? value.asInt(-1) : -1;
        return reserved >= 0 ? OptionalInt.of(reserved) : OptionalInt.empty();
    }

    private static EnvironmentValue environmentValue(JsonNode value, Intrinsics intrinsics) {
        if (value.isValueNode()) {
            return new EnvironmentValue.Literal(value.isNull() ? "" : value.asText());
        }
        if (value.isObject() && value.size() == 1 && value.has("Ref") && intrinsics.isResource(value.get("Ref").asText())) {
            return new EnvironmentValue.ResourceRef(value.get("Ref").asText());
        }
        return new EnvironmentValue.Unresolved(value.toString());
    }

    /**
     * SAM's Globals rule: maps merge key by key, lists concatenate, and the function's own scalar wins.
     */
    static JsonNode merge(JsonNode global, JsonNode own) {
        if (global == null || global.isMissingNode()) {
            return own;
        }
        if (own == null || own.isMissingNode()) {
            return global;
        }
        if (global.isObject() && own.isObject() && !isIntrinsic(own) && !isIntrinsic(global)) {
            ObjectNode merged = ((ObjectNode) global).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = own.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                merged.set(field.getKey(), merge(global.get(field.getKey()), field.getValue()));
            }
            return merged;
        }
        if (global.isArray() && own.isArray()) {
            ArrayNode merged = ((ArrayNode) global).deepCopy();
            merged.addAll((ArrayNode) own.deepCopy());
            return merged;
        }
        return own;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    // ---- secrets

    private static JsonNode readHttpApi(JsonNode resources, Intrinsics intrinsics) {
        Iterator<JsonNode> all = resources.elements();
        while (all.hasNext()) {
            JsonNode resource = all.next();
            if (HTTP_API_TYPE.equals(resource.path("Type").asText())) {
                JsonNode properties = intrinsics.resolve(resource.path("Properties"));
                return properties != null && properties.isObject() ? properties : JsonNodeFactory.instance.objectNode();
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static Map<String, Optional<String>> readSecrets(JsonNode resources, Intrinsics intrinsics) {
        Map<String, Optional<String>> result = new LinkedHashMap<>();
        resources.fields().forEachRemaining(e -> {
            if (SECRET_TYPE.equals(e.getValue().path("Type").asText())) {
                JsonNode properties = intrinsics.resolve(e.getValue().path("Properties"));
                result.put(e.getKey(), literal(properties.get("Name")));
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private static Optional<String> literal(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    /**
     * Secrets that hold the public halves of the signing key set, for the functions that only verify: those the
     * key set generator ({@code Custom::SigningKeySet}) writes as its {@code PublicSecretId}.
     */
    public Set<String> publicKeySecrets() {
        Set<String> ids = new LinkedHashSet<>();
        for (String keySet : resourcesOfType("Custom::SigningKeySet")) {
            JsonNode ref = tree().path("Resources").path(keySet).path("Properties").path("PublicSecretId").path("Ref");
            if (ref.isTextual()) {
                ids.add(ref.asText());
            }
        }
        return ids;
    }

    /** Logical ids of resources of the given type, in template order. */
    public Set<String> resourcesOfType(String type) {
        Set<String> ids = new LinkedHashSet<>();
        resourceTypes.forEach((id, t) -> {
            if (t.equals(type)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
