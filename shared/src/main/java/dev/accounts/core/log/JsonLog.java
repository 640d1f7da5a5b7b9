package dev.accounts.core.log;

import dev.accounts.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured one-line JSON logs on stdout, which Lambda ships to CloudWatch. Callers pass only fields that are
 * safe to keep: never a password, hash, token or key (there is deliberately no "log the body" method).
 */
public final class JsonLog {
    private JsonLog() {}

    public static void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    public static void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields);
    }

    public static void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    private static void write(String level, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.putAll(fields);
        // System.out as it is at the time: Lambda's runtime replaces it after the class may have loaded.
        System.out.println(Json.write(line));
    }
}
