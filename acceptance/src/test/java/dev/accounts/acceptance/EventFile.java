package dev.accounts.acceptance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * events/<function>.json as Lambda hands it to the handler, with the values a user pastes in before
 * `sam local invoke -e`: each REPLACE_WITH_<NAME> placeholder replaced, and content-length made to fit the body.
 */
final class EventFile {
    /** The issuer of the API and stage the event files were captured on: https://<their domainName>/<their stage>. */
    static final String ISSUER = "https://k3x9q2w7ab.execute-api.eu-west-1.amazonaws.com/prod";
    private static final Pattern PLACEHOLDER = Pattern.compile("REPLACE_WITH_[A-Z_]+");
    /** Every field of the file must land in the event class: a misspelt one would otherwise vanish silently. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String module;
    private final Map<String, String> values = new LinkedHashMap<>();

    private EventFile(String module) {
        this.module = module;
    }

    /** events/<module>.json, e.g. "login". */
    static EventFile of(String module) {
        return new EventFile(module);
    }

    /** The value for REPLACE_WITH_<name>, e.g. with("ACCESS_TOKEN", token). */
    EventFile with(String name, String value) {
        values.put("REPLACE_WITH_" + name, value);
        return this;
    }

    APIGatewayV2HTTPEvent event() {
        String text = Repository.read("events/" + module + ".json");
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group());
            if (value == null) {
                throw new AssertionError("events/" + module + ".json needs a value for " + placeholders.group());
            }
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(filled);
        APIGatewayV2HTTPEvent event;
        try {
            event = JSON.readValue(filled.toString(), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("events/" + module + ".json is not an APIGatewayV2HTTPEvent", e);
        }
        if (event.getHeaders() != null && event.getHeaders().containsKey("content-length")) {
            event.getHeaders().put("content-length",
                    Integer.toString(event.getBody().getBytes(StandardCharsets.UTF_8).length));
        }
        return event;
    }
}
