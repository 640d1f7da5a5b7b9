package dev.accounts.devkit;

/**
 * Picks a local DynamoDB engine in the order of DESIGN.md: DYNAMODB_ENDPOINT if set; else LocalStack through
 * Testcontainers where a Docker engine answers; else a moto_server started here; else a clear failure.
 */
public final class DynamoEndpoints {

    public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";
    public static final String SECRETS_ENDPOINT_VARIABLE = "SECRETSMANAGER_ENDPOINT";

    private static LocalEngine shared;

    private DynamoEndpoints() {
    }

    /**
     * One engine per JVM, started on first use and stopped when the JVM exits: tests share it and keep
     * apart by using their own table names.
     */
    public static synchronized LocalEngine shared() {
        if (shared == null) {
            LocalEngine engine = start();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "local-engine-stop"));
            shared = engine;
        }
        return shared;
    }

    /** A new engine in the full order (env, LocalStack, moto); the caller closes it. */
    public static LocalEngine start() {
        LocalEngine fromEnv = fromEnvironment();
        if (fromEnv != null) {
            return fromEnv;
        }
        if (LocalStackEngine.dockerAvailable()) {
            return LocalStackEngine.start();
        }
        return startMoto();
    }

    /** A new engine without Docker: env, else moto (the local API's order). The caller closes it. */
    public static LocalEngine startWithoutDocker() {
        return startWithoutDocker(System.getenv());
    }

    /** As {@link #startWithoutDocker()}, reading DYNAMODB_ENDPOINT and SECRETSMANAGER_ENDPOINT from {@code env}. */
    public static LocalEngine startWithoutDocker(java.util.Map<String, String> env) {
        LocalEngine fromEnv = fromEnvironment(env);
        return fromEnv != null ? fromEnv : startMoto();
    }

    /** A moto_server, with a message naming how to install it when it is missing. */
    public static LocalEngine startMoto() {
        MotoServer moto = MotoServer.start();
        return new LocalEngine(LocalEngine.Kind.MOTO, moto.endpoint(), moto.endpoint(), moto);
    }

    /**
     * Why no engine can be had here, for tests that skip rather than fail (e.g. {@code assumeTrue(...)});
     * empty when one of the three ways is available.
     */
    public static java.util.Optional<String> whyUnavailable() {
        if (fromEnvironment() != null || MotoServer.findOnPath(MotoServer.EXECUTABLE).isPresent()
                || LocalStackEngine.dockerAvailable()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("No local DynamoDB: DYNAMODB_ENDPOINT is not set, no Docker engine answers, and "
                + "moto_server is not on PATH (pip install \"moto[server]\")");
    }

    private static LocalEngine fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    private static LocalEngine fromEnvironment(java.util.Map<String, String> env) {
        String endpoint = env.get(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        String secrets = env.get(SECRETS_ENDPOINT_VARIABLE);
        return new LocalEngine(LocalEngine.Kind.ENV, endpoint.strip(),
                secrets == null || secrets.isBlank() ? endpoint.strip() : secrets.strip(), () -> { });
    }
}
