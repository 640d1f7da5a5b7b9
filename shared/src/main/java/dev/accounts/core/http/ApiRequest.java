package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.json.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The parts of an API Gateway HTTP API (payload 2.0) event that the use-cases read, with bodies decoded. */
public final class ApiRequest {
    /** The contract's cap on request bodies, checked after base64 decoding. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> pathParameters;
    private final String rawBody;
    private final boolean base64;
    private final String requestId;
    private final String domainName;
    private final String stage;

    /**
     * From the event's JSON as Lambda hands it over, read as a tree: no bean deserialiser for the events library's
     * types is set up at a cold start (docs/PERFORMANCE.md, step 7). Absent and null fields read as absent.
     */
    private ApiRequest(JsonNode event) {
        JsonNode context = event.path("requestContext");
        this.method = text(context.path("http").path("method")).map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
        this.path = text(event.path("rawPath")).orElse("");
        // Header names are case-insensitive; API Gateway already lower-cases them, local callers may not.
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(textFields(event.path("headers")));
        this.pathParameters = textFields(event.path("pathParameters"));
        this.rawBody = text(event.path("body")).orElse(null);
        this.base64 = event.path("isBase64Encoded").asBoolean(false);
        this.requestId = text(context.path("requestId")).orElse("");
        this.domainName = text(context.path("domainName")).orElse(null);
        this.stage = text(context.path("stage")).orElse(null);
    }

    public static ApiRequest from(JsonNode event) {
        return new ApiRequest(event);
    }

    /** The typed event (tests, the local API) read through the same mapping as Lambda's JSON. */
    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        return new ApiRequest(Json.MAPPER.valueToTree(event));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Map<String, String> textFields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        object.properties().forEach(field -> text(field.getValue()).ifPresent(value -> fields.put(field.getKey(), value)));
        return fields;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String requestId() {
        return requestId;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /**
     * The API's public base URL, the default token issuer, from what API Gateway sets in the request context
     * (its domain name and stage), never from a header a client could choose (Host, X-Forwarded-Proto): HTTP APIs
     * answer on https only. The one exception is a loopback domain, which API Gateway never has: the local API,
     * which serves plain http. A named stage is part of the URL, the $default stage is not.
     */
    public Optional<String> publicBaseUrl() {
        if (domainName == null || domainName.isBlank()) {
            return Optional.empty();
        }
        String scheme = isLoopback(domainName) ? "http" : "https";
        String stagePath = stage == null || stage.isBlank() || "$default".equals(stage) ? "" : "/" + stage;
        return Optional.of(scheme + "://" + domainName + stagePath);
    }

    private static boolean isLoopback(String domain) {
        String host = domain.startsWith("[") ? domain.substring(0, domain.indexOf(']') + 1)
                : domain.contains(":") ? domain.substring(0, domain.indexOf(':')) : domain;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** The body's bytes, decoded from base64 when API Gateway sent it so. */
    public byte[] bodyBytes() {
        if (rawBody == null) {
            return new byte[0];
        }
        if (base64) {
            // A base64 text four thirds the size of the cap cannot decode to less than the cap: refuse before decoding.
            if (rawBody.length() > (MAX_BODY_BYTES / 3 + 1) * 4 + 4) {
                throw Errors.bodyTooLarge();
            }
            try {
                return Base64.getMimeDecoder().decode(rawBody);
            } catch (IllegalArgumentException e) {
                throw Errors.parseError("the body is not valid base64");
            }
        }
        if (rawBody.length() > MAX_BODY_BYTES) {
            throw Errors.bodyTooLarge();
        }
        return rawBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
