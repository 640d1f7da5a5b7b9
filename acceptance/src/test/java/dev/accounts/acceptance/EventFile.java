package dev.accounts.acceptance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.accounts.devkit.EventPlaceholders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * events/<function>.json as Lambda hands it to the handler, with the values a user pastes in before
 * `sam local invoke -e`: each REPLACE_WITH_<NAME> placeholder replaced, and content-length made to fit the body.
 */
final class EventFile {
    /** The issuer of the API and stage the event files were captured on: https://<their domainName>/<their stage>. */
    static final String ISSUER = "https://k3x9q2w7ab.execute-api.eu-west-1.amazonaws.com/prod";
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
        values.put(name, value);
        return this;
    }

    APIGatewayV2HTTPEvent event() {
        String filled;
        try {
            filled = EventPlaceholders.fill(Repository.read("events/" + module + ".json"), values);
        } catch (IllegalArgumentException missing) {
            throw new AssertionError("events/" + module + ".json: " + missing.getMessage());
        }
        try {
            return JSON.readValue(filled, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("events/" + module + ".json is not an APIGatewayV2HTTPEvent", e);
        }
    }
}
