package dev.accounts.core.contract;

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
    /** DRF's ProhibitSurrogateCharactersValidator, which every CharField runs; names the first one. */
    public static final String SURROGATE = "Surrogate characters are not allowed: U+%X.";

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
        // A JSON escape may name half a surrogate pair alone (U+D800): such text has no UTF-8 form, so it can be
        // neither stored (DynamoDB refuses it: a 503 for the client's own input) nor hashed; DRF refuses it too.
        String text = node.textValue();
        int lone = firstUnpairedSurrogate(text);
        if (lone >= 0) {
            add(name, String.format(SURROGATE, lone));
            return null;
        }
        return text;
    }

    /** The first surrogate that is not half of a valid pair, or -1. */
    private static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return c;
            }
        }
        return -1;
    }
}
