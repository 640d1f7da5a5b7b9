package dev.accounts.localapi;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the local API: the template (found by walking up from the working directory unless given),
 * host and port (0 = any free port), and parameter overrides as {@code sam --parameter-overrides} takes them.
 */
record LocalApiOptions(Path template, String host, int port, Map<String, String> parameterOverrides) {

    static final int DEFAULT_PORT = 3000;
    static final String DEFAULT_HOST = "127.0.0.1";
    static final String USAGE = """
            usage: java -jar local-api/target/local-api.jar [--port N] [--host H] [--template PATH]
                                                            [--parameter-overrides Name=Value[,Name=Value...]]
              --port N                 port to serve on (default: $PORT, else 3000; 0 = any free port)
              --host H                 address to bind (default 127.0.0.1)
              --template PATH          the SAM template (default: template.yaml here or in a directory above)
              --parameter-overrides    template parameters, e.g. AccessTokenLifetimeSeconds=60,TokenAudience=app
            Storage: DYNAMODB_ENDPOINT (and SECRETSMANAGER_ENDPOINT) when set, else a moto_server started here.
            E-mail: MailFrom is accounts@localhost.test unless overridden; SES_ENDPOINT when set, else a moto_server
            of its own, the sender verified on it; every e-mail sent is printed (recipient, subject, link).
            SIGNING_KEY_SECRET_ID names an existing signing key secret; otherwise a fresh key set is generated.""";

    static LocalApiOptions parse(String[] args, Map<String, String> env) {
        Path template = null;
        String host = DEFAULT_HOST;
        int port = env.containsKey("PORT") ? port(env.get("PORT")) : DEFAULT_PORT;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port", "-p" -> port = port(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--template", "-t" -> template = Path.of(value(args, ++i, arg));
                case "--parameter-overrides" -> overrides.putAll(overrides(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        return new LocalApiOptions(template, host, port, overrides);
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

    private static Map<String, String> overrides(String text) {
        Map<String, String> overrides = new LinkedHashMap<>();
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
