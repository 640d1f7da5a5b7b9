package dev.accounts.localapi;

import java.io.PrintStream;
import java.util.Map;

/**
 * Starts the local API in the acceptance tests' JVM as its own tests do: the repository's template.yaml on a
 * free loopback port, storage from DYNAMODB_ENDPOINT or a moto_server of its own. (In this package because
 * {@link LocalApi#start} is the local API's package-private entry point.)
 */
public final class LocalApiLauncher {

    private LocalApiLauncher() {
    }

    /** {@code console} receives the banner, the access log and the functions' log lines. */
    public static LocalApi startOnAFreePort(PrintStream console) {
        return LocalApi.start(new LocalApiOptions(null, "127.0.0.1", 0, Map.of()), System.getenv(), console);
    }
}
