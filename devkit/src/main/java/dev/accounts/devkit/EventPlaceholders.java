package dev.accounts.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of events/&lt;function&gt;.json, the values a user pastes in before {@code sam local invoke -e}
 * (REPLACE_WITH_USER_ID, REPLACE_WITH_ACCESS_TOKEN, ...): the one place that finds and fills them, for the tests,
 * the benchmark and the local tools alike.
 */
public final class EventPlaceholders {
    public static final String PREFIX = "REPLACE_WITH_";
    private static final Pattern PLACEHOLDER = Pattern.compile(PREFIX + "([A-Z_]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPlaceholders() {}

    /** The names of the placeholders in the event's text (USER_ID for REPLACE_WITH_USER_ID), in order. */
    public static Set<String> names(String eventText) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(eventText);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The event with each placeholder replaced by its value (by name: "USER_ID" → the id), and its content-length
     * header, if it has one, made to fit the body as API Gateway would send it. A placeholder without a value is
     * refused, naming it; values for names the event does not use are ignored.
     */
    public static String fill(String eventText, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(eventText);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the event needs a value for " + matcher.group());
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return withFittingContentLength(filled.toString());
    }

    private static String withFittingContentLength(String eventText) {
        try {
            JsonNode event = JSON.readTree(eventText);
            JsonNode headers = event.path("headers");
            if (!headers.has("content-length")) {
                return eventText;
            }
            int length = event.path("body").asText("").getBytes(StandardCharsets.UTF_8).length;
            ((ObjectNode) headers).put("content-length", Integer.toString(length));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("the event is not JSON", e);
        }
    }
}
