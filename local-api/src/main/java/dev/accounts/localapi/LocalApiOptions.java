package dev.accounts.localapi;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the local API: the template (null: found by walking up from the working directory), host and port
 * (0 = any free port), parameter overrides as {@code sam --parameter-overrides} takes them, and how many execution
 * environments a function may run at once when the template reserves no concurrency for it.
 */
public record LocalApiOptions(Path template, String host, int port, Map<String, String> parameterOverrides,
                              int maxConcurrency) {

    static final int DEFAULT_PORT = 3000;
    static final String DEFAULT_HOST = "127.0.0.1";
    /**
     * Environments per function without ReservedConcurrentExecutions: 10, the concurrency quota AWS gives a new
     * account, so a local run throttles no later than a fresh account would.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 10;

    public LocalApiOptions {
        parameterOverrides = Map.copyOf(parameterOverrides);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("--max-concurrency must be at least 1: " + maxConcurrency);
        }
    }

    LocalApiOptions(Path template, String host, int port, Map<String, String> parameterOverrides) {
        this(template, host, port, parameterOverrides, DEFAULT_MAX_CONCURRENCY);
    }

    /** The project's template.yaml, every default, on a free loopback port: for tests and tools in the same JVM. */
    public static LocalApiOptions onAFreePort() {
        return new LocalApiOptions(null, DEFAULT_HOST, 0, Map.of());
    }

    public LocalApiOptions withParameterOverrides(Map<String, String> overrides) {
        return new LocalApiOptions(template, host, port, overrides, maxConcurrency);
    }

    public LocalApiOptions withMaxConcurrency(int environments) {
        return new LocalApiOptions(template, host, port, parameterOverrides, environments);
    }

    public LocalApiOptions withTemplate(Path file) {
        return new LocalApiOptions(file, host, port, parameterOverrides, maxConcurrency);
    }
    static final String USAGE = """
            usage: java -jar local-api/target/local-api.jar [--port N] [--host H] [--template PATH]
                                                            [--parameter-overrides Name=Value[,Name=Value...]]
                                                            [--max-concurrency N]
              --port N                 port to serve on (default: $PORT, else 3000; 0 = any free port)
              --host H                 address to bind (default 127.0.0.1)
              --template PATH          the SAM template (default: template.yaml here or in a directory above)
              --parameter-overrides    template parameters, e.g. AccessTokenLifetimeSeconds=60,TokenAudience=app
                                       or CorsAllowedOrigins=http://localhost:5173 (CORS as API Gateway applies it)
              --max-concurrency N      execution environments per function that reserves no concurrency (default 10);
                                       a request finding them all busy gets API Gateway's answer to a throttled Lambda
            Storage: DYNAMODB_ENDPOINT (and SECRETSMANAGER_ENDPOINT) when set, else a moto_server started here.
            E-mail: MailFrom is accounts@localhost.test unless overridden; SES_ENDPOINT when set, else a moto_server
            of its own, the sender verified on it; every e-mail sent is printed (recipient, subject, link).
            SIGNING_KEY_SECRET_ID names an existing signing key secret; otherwise a fresh key set is generated.""";

    static LocalApiOptions parse(String[] args, Map<String, String> env) {
        Path template = null;
        String host = DEFAULT_HOST;
        int port = env.containsKey("PORT") ? port(env.get("PORT")) : DEFAULT_PORT;
        Map<String, String> overrides = new LinkedHashMap<>();
        int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port", "-p" -> port = port(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--template", "-t" -> template = Path.of(value(args, ++i, arg));
                case "--parameter-overrides" -> overrides.putAll(overrides(value(args, ++i, arg)));
                case "--max-concurrency" -> maxConcurrency = positive(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        return new LocalApiOptions(template, host, port, overrides, maxConcurrency);
    }

    private static int positive(String text, String flag) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a whole number of at least 1: " + text);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not a port number: " + text);
    }

    static Map<String, String> overrides(String text) {
        Map<String, String> overrides = new LinkedHashMap<>();
        int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        for (String pair : text.split("[, ]+")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("parameter override must be Name=Value: " + pair);
            }
            overrides.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return overrides;
    }
}
