package dev.accounts.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HttpApi's CorsConfiguration, applied as API Gateway's HTTP API applies it: it answers a preflight itself
 * (an OPTIONS request with Origin and Access-Control-Request-Method, whatever the routes) with 204, adds its
 * Access-Control-* headers to every answer to a request from an allowed origin, drops the ones a function sets,
 * and gives a request from any other origin no CORS header at all, so the browser refuses it.
 * Origins may be exact, {@code *}, {@code https://*} or {@code http://*}.
 */
final class CorsPolicy {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String PREFIX = "access-control-";

    private final List<String> allowOrigins;
    private final List<String> allowMethods;
    private final List<String> allowHeaders;
    private final List<String> exposeHeaders;
    private final Optional<String> maxAge;
    private final boolean allowCredentials;

    private CorsPolicy(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Optional<String> maxAge, boolean allowCredentials) {
        this.allowOrigins = allowOrigins;
        this.allowMethods = allowMethods;
        this.allowHeaders = allowHeaders;
        this.exposeHeaders = exposeHeaders;
        this.maxAge = maxAge;
        this.allowCredentials = allowCredentials;
    }

    /** From the HttpApi's Properties; empty when it has no CorsConfiguration (SAM's {@code true} allows every origin). */
    static Optional<CorsPolicy> from(JsonNode httpApiProperties) {
        JsonNode cors = httpApiProperties.path("CorsConfiguration");
        if (cors.isBoolean()) {
            return cors.asBoolean() ? Optional.of(new CorsPolicy(List.of("*"), List.of("*"), List.of("*"), List.of(),
                    Optional.empty(), false)) : Optional.empty();
        }
        if (!cors.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new CorsPolicy(texts(cors.path("AllowOrigins")), texts(cors.path("AllowMethods")),
                texts(cors.path("AllowHeaders")), texts(cors.path("ExposeHeaders")),
                cors.hasNonNull("MaxAge") ? Optional.of(cors.get("MaxAge").asText()) : Optional.empty(),
                cors.path("AllowCredentials").asBoolean(false)));
    }

    private static List<String> texts(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> {
            if (!item.asText().isBlank()) {
                values.add(item.asText().strip());
            }
        });
        return List.copyOf(values);
    }

    /** A browser's preflight: OPTIONS with an Origin and the method it asks about. */
    static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestedMethod != null;
    }

    /** API Gateway's answer to a preflight: 204, with the configuration's headers only for an allowed origin. */
    OutgoingResponse preflight(String origin, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        allowOriginValue(origin).ifPresent(allowed -> {
            headers.put(ALLOW_ORIGIN, List.of(allowed));
            putJoined(headers, "Access-Control-Allow-Methods", allowMethods);
            putJoined(headers, "Access-Control-Allow-Headers", allowHeaders);
            maxAge.ifPresent(age -> headers.put("Access-Control-Max-Age", List.of(age)));
            if (allowCredentials) {
                headers.put("Access-Control-Allow-Credentials", List.of("true"));
            }
        });
        headers.put("apigw-requestid", List.of(requestId));
        return new OutgoingResponse(204, headers, new byte[0]);
    }

    /** Any other answer: the function's CORS headers replaced by the configuration's, or by none for another origin. */
    OutgoingResponse applyTo(OutgoingResponse response, String origin) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                headers.put(name, values);
            }
        });
        allowOriginValue(origin).ifPresent(allowed -> {
            headers.put(ALLOW_ORIGIN, List.of(allowed));
            putJoined(headers, "Access-Control-Expose-Headers", exposeHeaders);
            if (allowCredentials) {
                headers.put("Access-Control-Allow-Credentials", List.of("true"));
            }
        });
        return new OutgoingResponse(response.status(), headers, response.body());
    }

    /** What Access-Control-Allow-Origin says to this origin: {@code *} when every origin is allowed, else the origin. */
    private Optional<String> allowOriginValue(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        for (String allowed : allowOrigins) {
            if (allowed.equals("*")) {
                return Optional.of(allowCredentials ? origin : "*");
            }
            String pattern = allowed.toLowerCase(Locale.ROOT);
            boolean schemeWildcard = pattern.endsWith("://*") && lower.startsWith(pattern.substring(0, pattern.length() - 1));
            if (schemeWildcard || pattern.equals(lower)) {
                return Optional.of(origin);
            }
        }
        return Optional.empty();
    }

    private static void putJoined(Map<String, List<String>> headers, String name, List<String> values) {
        if (!values.isEmpty()) {
            headers.put(name, List.of(String.join(",", values)));
        }
    }

    String describe() {
        return "origins " + allowOrigins + ", methods " + allowMethods + ", headers " + allowHeaders;
    }
}
