package dev.accounts.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import dev.accounts.core.http.HttpApiEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile API Gateway events, deterministically from a seed: a random endpoint, a hostile body (or
 * none), sometimes base64-encoded as API Gateway sends binary (or bytes that are not UTF-8, or text that is not
 * base64), hostile headers, Authorization garbage, path ids, and events missing parts API Gateway always sends.
 * Bodies that pass sign-up or login validation cost an Argon2 hash each: at most `maxCostly` of them are made.
 */
final class HostileRequests {
    /** A generated request, and whether it costs a password hash. */
    record Request(Endpoint endpoint, APIGatewayV2HTTPEvent event, boolean costly) {}

    private static final Endpoint[] ENDPOINTS = Endpoint.values();
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "", "application/json; charset=utf-16",
            "APPLICATION/JSON", "application/merge-patch+json", "application/json, text/html", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json\r\nX-Injected: 1", "application/" + "j".repeat(5000),
            "application/jsonx", ";", "application/json;;;charset=\"", "\u2603/json");

    private final Random random;
    private final HostileText text;
    private final HostileTokens tokens;
    private final HostileBodies bodies;
    private final String genuineAccess;
    /** Another account's id: a path id that exists but is not the caller's. */
    private final String otherUserId;
    private final String knownUsername;
    private final int maxCostly;
    private int costly;

    HostileRequests(long seed, List<String> genuineTokens, String genuineAccess, String otherUserId,
                    String knownUsername, int maxCostly) {
        this.random = new Random(seed);
        this.text = new HostileText(random);
        this.tokens = new HostileTokens(random, text, genuineTokens);
        this.bodies = new HostileBodies(random, text, tokens);
        this.genuineAccess = genuineAccess;
        this.otherUserId = otherUserId;
        this.knownUsername = knownUsername;
        this.maxCostly = maxCostly;
    }

    Request next() {
        Endpoint endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
        boolean wantsCostly = costly < maxCostly && random.nextInt(50) == 0
                && (endpoint == Endpoint.CREATE_ACCOUNT || endpoint == Endpoint.LOGIN);
        String body = wantsCostly ? bodies.credentials(endpoint, knownUsername) : bodyFor(endpoint);
        HttpApiEvent events = base(endpoint);
        events.body(body);
        // Usually a valid Bearer token where one is needed, so that hostile bodies and ids get past authentication.
        if (endpoint == Endpoint.LOGOUT || endpoint == Endpoint.DELETE_ACCOUNT) {
            events.bearer(random.nextInt(3) == 0 ? tokens.next() : genuineAccess);
        }
        if (random.nextInt(7) == 0 && body != null) {
            encodeBase64(events, body);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            hostileHeader(events);
        }
        APIGatewayV2HTTPEvent event = events.build();
        if (random.nextInt(25) == 0) {
            breakStructure(event);
        }
        boolean isCostly = costsAHash(endpoint, event);
        if (isCostly) {
            costly++;
        }
        return new Request(endpoint, event, isCostly);
    }

    /** A body that costs no hash (a costly one made by chance is replaced, once the budget is spent). */
    private String bodyFor(Endpoint endpoint) {
        if (endpoint.method.equals("GET") || endpoint == Endpoint.DELETE_ACCOUNT) {
            return random.nextInt(4) == 0 ? bodies.next(endpoint) : null;
        }
        String body = bodies.next(endpoint);
        while (costly >= maxCostly && passesCredentialCheck(endpoint, body)) {
            body = bodies.next(endpoint);
        }
        return body;
    }

    private HttpApiEvent base(Endpoint endpoint) {
        return switch (endpoint.method) {
            case "GET" -> HttpApiEvent.get(endpoint.route);
            case "DELETE" -> {
                String id = pathId();
                HttpApiEvent events = HttpApiEvent.delete(endpoint.path(id == null ? "" : id));
                yield id == null ? events : events.pathParameter("id", id);
            }
            default -> HttpApiEvent.post(endpoint.route, null);
        };
    }

    private String pathId() {
        return switch (random.nextInt(8)) {
            case 0 -> otherUserId;
            case 1 -> null;
            case 2 -> "";
            case 3 -> java.util.UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
            case 4 -> "x".repeat(2048);
            case 5 -> otherUserId + "#";
            default -> text.next();
        };
    }

    private void encodeBase64(HttpApiEvent events, String body) {
        byte[] bytes = switch (random.nextInt(5)) {
            case 0 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 1 -> new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};
            case 2 -> new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
            default -> body.getBytes(StandardCharsets.UTF_8);
        };
        String encoded = switch (random.nextInt(5)) {
            case 0 -> Base64.getMimeEncoder().encodeToString(bytes);
            case 1 -> Base64.getUrlEncoder().encodeToString(bytes);
            case 2 -> "not base64 at all!" + body;
            default -> Base64.getEncoder().encodeToString(bytes);
        };
        events.body(encoded).base64(true);
    }

    /** One hostile header; the Content-Type ones are kept rare, or most bodies would stop at 415. */
    private void hostileHeader(HttpApiEvent events) {
        switch (random.nextInt(10)) {
            case 0 -> events.header("content-type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
            case 1 -> events.header("content-type", random.nextBoolean() ? null : "Application/Problem+JSON; charset=\"x\"");
            case 2, 3 -> events.header("authorization", List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc",
                    "Bearer a b c", "Bearer " + tokens.next(), "bearer\t" + genuineAccess, "BEARER " + genuineAccess + "\u0000",
                    "Bearer " + "A".repeat(64 * 1024), "\u2603 " + genuineAccess).get(random.nextInt(11)));
            case 4 -> events.header("x-forwarded-proto", text.next());
            case 5 -> events.header("Content-Type", "text/plain").header("content-type", "application/json");
            default -> events.header(text.asciiPrintable(1 + random.nextInt(20)), text.next());
        }
    }

    /** Parts API Gateway always sends, missing or odd: the handler must still answer in the contract's words. */
    private void breakStructure(APIGatewayV2HTTPEvent event) {
        switch (random.nextInt(6)) {
            case 0 -> event.setRequestContext(null);
            case 1 -> event.getRequestContext().setHttp(null);
            case 2 -> event.setHeaders(null);
            case 3 -> event.setRawPath(null);
            case 4 -> event.getRequestContext().setDomainName(random.nextBoolean() ? "" : text.next());
            default -> {
                HashMap<String, String> headers = event.getHeaders() == null ? new HashMap<>() : new HashMap<>(event.getHeaders());
                headers.put("content-type", null);
                event.setHeaders(headers);
            }
        }
    }

    /** Whether this event would reach the password hasher: sign-up or login with string credentials. */
    private static boolean costsAHash(Endpoint endpoint, APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return false;
        }
        String body = event.getBody();
        if (event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return passesCredentialCheck(endpoint, body);
    }

    private static boolean passesCredentialCheck(Endpoint endpoint, String body) {
        if (endpoint != Endpoint.CREATE_ACCOUNT && endpoint != Endpoint.LOGIN) {
            return false;
        }
        try {
            JsonNode node = Json.parse(body);
            return node != null && node.path("username").isTextual() && !node.path("username").asText().isEmpty()
                    && node.path("password").isTextual() && !node.path("password").asText().isEmpty();
        } catch (Exception notJson) {
            return false;
        }
    }
}
