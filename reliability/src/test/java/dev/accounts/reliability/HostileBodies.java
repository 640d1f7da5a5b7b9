package dev.accounts.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies a hostile client sends, as JSON text: objects whose fields have the wrong type or hostile
 * values, malformed and truncated JSON, nesting at and past the parser's limit, values that are not objects,
 * duplicated keys, sizes at and past 16 KiB. {@link #credentials} makes the few bodies that pass validation
 * and so cost a password hash; the generator asks for those sparingly.
 */
final class HostileBodies {
    private static final Map<Endpoint, List<String>> FIELDS = Map.of(
            Endpoint.CREATE_ACCOUNT, List.of("username", "password", "email", "first_name", "last_name"),
            Endpoint.LOGIN, List.of("username", "password"),
            Endpoint.REFRESH, List.of("refresh"),
            Endpoint.LOGOUT, List.of("refresh"),
            Endpoint.VERIFY, List.of("token"));
    private static final List<String> MALFORMED = List.of(
            "{", "}", "{\"username\": ", "{\"a\" \"b\"}", "{'username': 'x'}", "{\"a\": 1,}", "[1, 2,]", "{\"a\": NaN}",
            "{\"a\": Infinity}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": 1e}", "{\"a\": tru}", "{a: 1}", "{\"a\": \"\\x41\"}",
            "{\"a\": \"\\u12\"}", "{\"a\": \"unterminated}", "/* comment */ {}", "{} // comment", "\uFEFF{}", "{\"a\":\"\u0001\"}",
            "{\"a\": [}", "{\"a\": {]}", "\"", "\\", "{\"a\": undefined}", "{\"refresh\": 'x'}", ",", ":", "{}}", "{{}}");

    private final Random random;
    private final HostileText text;
    private final HostileTokens tokens;

    HostileBodies(Random random, HostileText text, HostileTokens tokens) {
        this.random = random;
        this.text = text;
        this.tokens = tokens;
    }

    /** Any hostile body for `endpoint` (possibly a costly one only by chance; the caller judges). */
    String next(Endpoint endpoint) {
        List<String> fields = FIELDS.getOrDefault(endpoint, List.of("a"));
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> object(fields);
            case 3 -> corrupt(object(fields));
            case 4 -> MALFORMED.get(random.nextInt(MALFORMED.size()));
            case 5 -> nested(fields);
            case 6 -> value(0);
            case 7 -> "{" + field(fields) + ", " + field(fields) + ", \"" + fields.get(0) + "\": 1, \"" + fields.get(0) + "\": 2}";
            case 8 -> random.nextBoolean() ? "" : " \n\t ";
            case 9 -> sized(fields);
            case 10 -> "{\"" + fields.get(random.nextInt(fields.size())) + "\": " + text.literal(tokens.next()) + "}";
            default -> "{" + text.literal(text.next()) + ": " + value(1) + "}";
        };
    }

    /**
     * A body that passes the endpoint's validation: strings everywhere, a password the policy accepts. Some
     * still carry hostile text where it is allowed (names, optional fields).
     */
    String credentials(Endpoint endpoint, String knownUsername) {
        String username = switch (random.nextInt(4)) {
            case 0 -> knownUsername;
            case 1 -> "fuzz_\uFF41\uFF42_" + random.nextInt(1_000_000);
            case 2 -> "Ünïcødé.user+" + random.nextInt(1_000_000);
            default -> "fuzz_" + Long.toHexString(random.nextLong());
        };
        StringBuilder body = new StringBuilder("{\"username\": ").append(text.literal(username))
                .append(", \"password\": ").append(text.literal("lantern-Violet-" + random.nextInt(1_000_000) + "-harbor"));
        if (endpoint == Endpoint.CREATE_ACCOUNT) {
            String firstName = text.next();
            body.append(", \"first_name\": ").append(text.literal(firstName.length() <= 150 ? firstName : ""))
                    .append(", \"last_name\": ").append(text.literal(random.nextBoolean() ? "\uD800" : "O'Brien \uD83D\uDE00"))
                    .append(", \"email\": ").append(text.literal(random.nextBoolean() ? "" : "fuzz@example.com"));
        }
        return body.append('}').toString();
    }

    private String object(List<String> fields) {
        List<String> members = new ArrayList<>();
        int count = random.nextInt(fields.size() + 2);
        for (int i = 0; i < count; i++) {
            members.add(field(fields));
        }
        return "{" + String.join(", ", members) + "}";
    }

    private String field(List<String> fields) {
        String name = random.nextInt(8) == 0 ? text.next() : fields.get(random.nextInt(fields.size()));
        return text.literal(name) + ": " + value(1);
    }

    /** A JSON value of any type; strings are hostile text. */
    private String value(int depth) {
        return switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0, 1, 2 -> text.literal(text.next());
            case 3 -> Long.toString(random.nextLong());
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "null";
            case 6 -> List.of("1.5", "-0", "1e400", "123456789012345678901234567890", "-1e-400").get(random.nextInt(5));
            case 7 -> "[" + value(depth + 1) + ", " + value(depth + 1) + "]";
            default -> "{\"k\": " + value(depth + 1) + "}";
        };
    }

    /** Truncated, or with one character inserted or removed. */
    private String corrupt(String json) {
        if (json.length() < 2) {
            return json + "{";
        }
        int at = 1 + random.nextInt(json.length() - 1);
        return switch (random.nextInt(3)) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + "{[\",:}]\\".charAt(random.nextInt(8)) + json.substring(at);
            default -> json.substring(0, at - 1) + json.substring(at);
        };
    }

    /** Arrays or objects nested around the parser's limit (64) and far past it, at the top or in a field. */
    private String nested(List<String> fields) {
        int depth = List.of(10, 63, 64, 65, 100, 1000, 5000).get(random.nextInt(7));
        boolean arrays = random.nextBoolean();
        String inner = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return random.nextBoolean() ? inner : "{\"" + fields.get(0) + "\": " + inner + "}";
    }

    /** One string field sized to put the body just under, at or over 16 KiB, or far over. */
    private String sized(List<String> fields) {
        int target = List.of(16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 64 * 1024, 1024 * 1024).get(random.nextInt(5));
        String prefix = "{\"" + fields.get(random.nextInt(fields.size())) + "\": \"";
        String suffix = "\"}";
        return prefix + "a".repeat(Math.max(0, target - prefix.length() - suffix.length())) + suffix;
    }
}
