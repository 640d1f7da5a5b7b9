package dev.accounts.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads string fields from a JSON object and gathers DRF-shaped errors for all failing fields at once;
 * {@link #throwIfAny()} raises them as one 400.
 */
public final class Fields {
    public static final String REQUIRED = "This field is required.";
    public static final String NOT_A_STRING = "Not a valid string.";
    public static final String NULL = "This field may not be null.";
    public static final String BLANK = "This field may not be blank.";

    private final ObjectNode body;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public Fields(ObjectNode body) {
        this.body = body;
    }

    /** A required, non-blank string, or null after recording why not. */
    public String required(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            add(name, REQUIRED);
            return null;
        }
        String value = string(name, node);
        if (value != null && value.isEmpty()) {
            add(name, BLANK);
            return null;
        }
        return value;
    }

    /** An optional string: absent and blank both read as "" (never null in answers). */
    public String optional(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return "";
        }
        String value = string(name, node);
        return value == null ? "" : value;
    }

    public void add(String name, String message) {
        errors.computeIfAbsent(name, k -> new ArrayList<>()).add(message);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw Errors.validation(errors);
        }
    }

    private String string(String name, JsonNode node) {
        if (node.isNull()) {
            add(name, NULL);
            return null;
        }
        if (!node.isTextual()) {
            add(name, NOT_A_STRING);
            return null;
        }
        return node.textValue();
    }
}
