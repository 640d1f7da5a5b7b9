package dev.accounts.acceptance;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * samconfig.toml as the SAM CLI reads it: {@code [<environment>.<command>.parameters]} tables of
 * {@code key = value} lines. Only the TOML that file needs (strings, booleans, numbers, comments): anything
 * else fails the test rather than being misread.
 */
final class SamConfig {
    private static final Pattern TABLE = Pattern.compile("\\[([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.parameters]");
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|[0-9.]+)");
    private static final Pattern OVERRIDE = Pattern.compile("([A-Za-z0-9]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** "env.command" → key → value (strings unquoted and unescaped). */
    private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();

    private SamConfig(String text) {
        Map<String, String> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher table = TABLE.matcher(line);
            Matcher entry = ENTRY.matcher(line);
            if (table.matches()) {
                current = tables.computeIfAbsent(table.group(1) + "." + table.group(2), k -> new LinkedHashMap<>());
            } else if (entry.matches() && current != null) {
                current.put(entry.group(1), unquote(entry.group(2)));
            } else if (entry.matches() && entry.group(1).equals("version")) {
                continue;
            } else {
                throw new AssertionError("samconfig.toml: a line this reader does not understand: " + raw);
            }
        }
    }

    static SamConfig load() {
        return new SamConfig(Repository.read("samconfig.toml"));
    }

    /** The config environments: default, dev, prod... */
    Set<String> environments() {
        Set<String> environments = new LinkedHashSet<>();
        tables.keySet().forEach(key -> environments.add(key.substring(0, key.indexOf('.'))));
        return environments;
    }

    /**
     * A setting as `sam <command> --config-env <environment>` sees it: the command's own table, else the
     * environment's global one. SAM never falls back to another environment.
     */
    String value(String environment, String command, String key) {
        String own = tables.getOrDefault(environment + "." + command, Map.of()).get(key);
        return own != null ? own : tables.getOrDefault(environment + ".global", Map.of()).get(key);
    }

    /** The deploy command's parameter_overrides, as name → value. */
    Map<String, String> parameterOverrides(String environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        String text = value(environment, "deploy", "parameter_overrides");
        if (text == null) {
            return overrides;
        }
        Matcher override = OVERRIDE.matcher(text);
        int end = 0;
        while (override.find()) {
            if (!text.substring(end, override.start()).isBlank()) {
                throw new AssertionError("parameter_overrides of " + environment + " is not Name=\"value\" pairs: " + text);
            }
            overrides.put(override.group(1), override.group(2));
            end = override.end();
        }
        if (!text.substring(end).isBlank()) {
            throw new AssertionError("parameter_overrides of " + environment + " is not Name=\"value\" pairs: " + text);
        }
        return overrides;
    }

    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }
}
