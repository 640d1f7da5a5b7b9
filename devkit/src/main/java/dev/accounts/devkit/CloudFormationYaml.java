package dev.accounts.devkit;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CloudFormation YAML into a Jackson tree, turning the short tags into their long forms as
 * CloudFormation itself does: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Condition C} becomes {@code {"Condition": "C"}} and every other
 * {@code !Name v} becomes {@code {"Fn::Name": v}}. A plain YAML reader would either reject the tags or drop
 * them, losing the difference between a parameter reference and a literal.
 */
public final class CloudFormationYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();

    private CloudFormationYaml() {
    }

    public static JsonNode read(String yaml) {
        try (YAMLParser parser = (YAMLParser) YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return NODES.objectNode();
            }
            return readValue(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("Template is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Reads the value at the current token, the parser left on its last token. */
    private static JsonNode readValue(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("Unexpected YAML token " + parser.currentToken());
        };
        return tag == null || tag.isEmpty() || isStandardTag(tag) ? value : longForm(tag, value);
    }

    private static ObjectNode readObject(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser));
        }
        return object;
    }

    private static ArrayNode readArray(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    private static JsonNode longForm(String tag, JsonNode value) {
        ObjectNode wrapped = NODES.objectNode();
        switch (tag) {
            case "Ref" -> wrapped.set("Ref", value);
            case "Condition" -> wrapped.set("Condition", value);
            case "GetAtt" -> {
                if (value.isTextual()) {
                    // "!GetAtt Resource.Attribute.Maybe.Dotted": the first dot splits resource from attribute
                    String text = value.asText();
                    int dot = text.indexOf('.');
                    ArrayNode parts = NODES.arrayNode();
                    parts.add(dot < 0 ? text : text.substring(0, dot));
                    if (dot >= 0) {
                        parts.add(text.substring(dot + 1));
                    }
                    wrapped.set("Fn::GetAtt", parts);
                } else {
                    wrapped.set("Fn::GetAtt", value);
                }
            }
            default -> wrapped.set("Fn::" + tag, value);
        }
        return wrapped;
    }

    /**
     * The tree with each intrinsic function replaced by its argument ({@code {"Ref": "UsersTable"}} becomes
     * {@code "UsersTable"}, {@code {"Fn::GetAtt": ["UsersTable", "Arn"]}} becomes {@code "UsersTable.Arn"}), as a
     * plain YAML reader that ignores tags sees the short forms: for checks of facts that need only the names.
     */
    public static JsonNode argumentsOnly(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(element -> array.add(argumentsOnly(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String name = node.fieldNames().next();
            JsonNode argument = node.get(name);
            if (name.equals("Fn::GetAtt") && argument.isArray()) {
                List<String> parts = new ArrayList<>();
                argument.forEach(part -> parts.add(part.asText()));
                return NODES.textNode(String.join(".", parts));
            }
            if (name.equals("Ref") || name.startsWith("Fn::")) {
                return argumentsOnly(argument);
            }
        }
        ObjectNode object = NODES.objectNode();
        node.properties().forEach(field -> object.set(field.getKey(), argumentsOnly(field.getValue())));
        return object;
    }

    private static boolean isStandardTag(String tag) {
        return tag.startsWith("tag:yaml.org,2002:") || tag.startsWith("!!");
    }
}
