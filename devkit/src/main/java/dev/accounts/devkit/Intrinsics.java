package dev.accounts.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions that need no deployed stack: Ref to parameters and pseudo parameters,
 * conditions, Fn::If, Fn::Equals/Not/And/Or, Fn::Sub and Fn::Join over resolvable parts. A Ref to a resource,
 * or anything needing one, is left in its long form for the caller to interpret.
 */
final class Intrinsics {

    /** The values a local run gives the pseudo parameters. */
    static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", LocalEngine.REGION,
            "AWS::AccountId", "123456789012",
            "AWS::StackName", "local",
            "AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/local/00000000-0000-0000-0000-000000000000",
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com");
    static final String NO_VALUE = "AWS::NoValue";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, JsonNode> parameters;
    private final JsonNode conditions;
    private final Set<String> resources;
    private final Map<String, Boolean> conditionCache = new HashMap<>();

    Intrinsics(Map<String, JsonNode> parameters, JsonNode conditions, Set<String> resources) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.resources = resources;
    }

    /** The node with every evaluable intrinsic replaced by its value; Java null means AWS::NoValue (drop it). */
    JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode();
            for (JsonNode item : node) {
                JsonNode resolved = resolve(item);
                if (resolved != null) {
                    result.add(resolved);
                }
            }
            return result;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            switch (key) {
                case "Ref" -> {
                    return ref(argument.asText(), node);
                }
                case "Fn::If" -> {
                    if (argument.isArray() && argument.size() == 3) {
                        return resolve(argument.get(condition(argument.get(0).asText()) ? 1 : 2));
                    }
                }
                case "Fn::Sub" -> {
                    return sub(argument, node);
                }
                case "Fn::Join" -> {
                    return join(argument, node);
                }
                case "Fn::Split" -> {
                    return split(argument, node);
                }
                case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" -> {
                    return NODES.booleanNode(evaluateCondition(node));
                }
                default -> {
                    // other intrinsics and plain single-key maps: resolve inside, below
                }
            }
        }
        ObjectNode result = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode resolved = resolve(field.getValue());
            if (resolved != null) {
                result.set(field.getKey(), resolved);
            }
        }
        return result;
    }

    /** The named condition of the template's Conditions section. */
    boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("Template refers to an undefined condition: " + name);
        }
        boolean value = evaluateCondition(definition);
        conditionCache.put(name, value);
        return value;
    }

    private boolean evaluateCondition(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return Boolean.parseBoolean(node.asText());
        }
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            switch (key) {
                case "Condition":
                    return condition(argument.asText());
                case "Fn::Equals": {
                    JsonNode left = resolve(argument.get(0));
                    JsonNode right = resolve(argument.get(1));
                    return scalarText(left).equals(scalarText(right));
                }
                case "Fn::Not":
                    return !evaluateCondition(argument.get(0));
                case "Fn::And": {
                    for (JsonNode item : argument) {
                        if (!evaluateCondition(item)) {
                            return false;
                        }
                    }
                    return true;
                }
                case "Fn::Or": {
                    for (JsonNode item : argument) {
                        if (evaluateCondition(item)) {
                            return true;
                        }
                    }
                    return false;
                }
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("Cannot evaluate condition locally: " + node);
    }

    private JsonNode ref(String name, JsonNode original) {
        if (NO_VALUE.equals(name)) {
            return null;
        }
        if (parameters.containsKey(name)) {
            JsonNode value = parameters.get(name);
            return value == null ? original : value;
        }
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return NODES.textNode(PSEUDO_PARAMETERS.get(name));
        }
        return original; // a resource: its name only exists once deployed
    }

    private JsonNode sub(JsonNode argument, JsonNode original) {
        String template;
        Map<String, JsonNode> variables = new HashMap<>();
        if (argument.isTextual()) {
            template = argument.asText();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            template = argument.get(0).asText();
            argument.get(1).fields().forEachRemaining(e -> variables.put(e.getKey(), resolve(e.getValue())));
        } else {
            return original;
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).strip();
            JsonNode value = variables.containsKey(variable)
                    ? variables.get(variable)
                    : ref(variable, NODES.objectNode().put("Ref", variable));
            if (value == null || !value.isValueNode()) {
                return original; // names a resource or attribute: needs a deployed stack
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
        }
        matcher.appendTail(out);
        // "${!Literal}" is CloudFormation's escape for a literal "${Literal}"
        return NODES.textNode(out.toString().replace("${!", "${"));
    }

    /** ["," , "a,b"] → ["a", "b"], as CloudFormation splits (an empty string gives one empty item). */
    private JsonNode split(JsonNode argument, JsonNode original) {
        if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
            return original;
        }
        JsonNode source = resolve(argument.get(1));
        if (source == null || !source.isValueNode()) {
            return original;
        }
        ArrayNode items = NODES.arrayNode();
        for (String item : source.asText().split(Pattern.quote(argument.get(0).asText()), -1)) {
            items.add(item);
        }
        return items;
    }

    private JsonNode join(JsonNode argument, JsonNode original) {
        if (!argument.isArray() || argument.size() != 2) {
            return original;
        }
        JsonNode parts = resolve(argument.get(1));
        if (parts != null && parts.isTextual()) {
            // a CommaDelimitedList parameter's value is one comma-separated string until split
            var list = NODES.arrayNode();
            for (String item : parts.asText().split(",", -1)) {
                list.add(item);
            }
            parts = list;
        }
        if (parts == null || !parts.isArray()) {
            return original;
        }
        StringBuilder out = new StringBuilder();
        String delimiter = argument.get(0).asText();
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isValueNode()) {
                return original;
            }
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(parts.get(i).asText());
        }
        return NODES.textNode(out.toString());
    }

    private static String scalarText(JsonNode node) {
        if (node == null || !node.isValueNode()) {
            throw new IllegalArgumentException("Cannot compare locally: " + node);
        }
        return node.asText();
    }

    boolean isResource(String logicalId) {
        return resources.contains(logicalId);
    }
}
