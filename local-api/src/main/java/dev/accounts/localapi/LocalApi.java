package dev.accounts.localapi;

import com.sun.net.httpserver.HttpServer;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.HttpRoute;
import dev.accounts.devkit.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves the HTTP API of template.yaml on 127.0.0.1 without Docker: every route of the template, each by its
 * function's handler, created once with the environment the template gives it, on tables and a signing key
 * created at start on a local engine. {@code java -jar local-api/target/local-api.jar --help} lists the options.
 */
public final class LocalApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalStorage storage;
    private final Map<String, LocalFunction> functions;
    private final AutoCloseable mailLog;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalApi(HttpServer server, ExecutorService executor, LocalStorage storage, Map<String, LocalFunction> functions,
                     AutoCloseable mailLog) {
        this.server = server;
        this.executor = executor;
        this.storage = storage;
        this.functions = functions;
        this.mailLog = mailLog;
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LocalApiOptions.USAGE);
            return;
        }
        long started = System.nanoTime();
        LocalApi api;
        try {
            api = start(LocalApiOptions.parse(args, System.getenv()), System.getenv(), System.out);
        } catch (RuntimeException e) {
            System.err.println("local API did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl-C and SIGTERM run the shutdown hooks: the server stops, and so does the moto_server started here.
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "local-api-stop"));
        System.out.printf("Local API ready on %s in %d ms. Ctrl-C stops it.%n", api.baseUrl(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Starts the local API in this JVM as {@code options} say, on storage per {@code processEnvironment}
     * (DYNAMODB_ENDPOINT, SIGNING_KEY_SECRET_ID) or a moto_server of its own; {@code out} receives the banner,
     * the access log, the REPORT lines and the functions' logs. Close it to stop everything it started.
     */
    public static LocalApi start(LocalApiOptions options, Map<String, String> processEnvironment, PrintStream out) {
        Path templateFile = options.template() != null ? options.template() : SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
        SamTemplate template = LocalSenders.load(templateFile, options.parameterOverrides());
        if (template.routes().isEmpty()) {
            throw new IllegalStateException(templateFile + " has no HttpApi routes to serve");
        }
        ClassPreloader.start(template);
        long storageStarted = System.nanoTime();
        LocalStorage storage = LocalStorage.start(template, processEnvironment);
        ExecutorService executor = null;
        try {
            out.printf("Storage: %s; tables %s; secrets %s (%d ms)%n", storage.engine().describe(),
                    storage.tableNames().values(), storage.secretArns().keySet(), millisSince(storageStarted));
            storage.mail().ifPresent(mail -> out.printf("Mail: SES at %s, senders %s verified; every e-mail sent is "
                    + "printed here%n", mail.endpoint(), LocalSenders.senders(template)));
            long functionsStarted = System.nanoTime();
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            for (FunctionSpec function : template.functions()) {
                if (!function.routes().isEmpty()) {
                    functions.put(function.logicalId(), LocalFunction.create(function,
                            FunctionEnvironment.build(function, storage, out), options.maxConcurrency(), out));
                }
            }
            out.printf("Functions: %d handlers created (%d ms); up to %d execution environments each unless the template "
                    + "reserves concurrency%n", functions.size(), millisSince(functionsStarted), options.maxConcurrency());
            Optional<CorsPolicy> cors = CorsPolicy.from(template.httpApiProperties());
            RouteThrottle throttle = RouteThrottle.from(template.httpApiProperties());
            out.printf("CORS: %s; throttling: %s%n", cors.map(CorsPolicy::describe).orElse("none (no CorsConfiguration)"),
                    throttle.describe());
            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
            executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            server.createContext("/", new GatewayHandler(new RouteTable(template.routes()), functions, cors, throttle,
                    new AccessLog(out), out));
            server.start();
            AutoCloseable mailLog = storage.mail().<AutoCloseable>map(mail -> SentMailLog.start(mail, out)).orElse(() -> { });
            LocalApi api = new LocalApi(server, executor, storage, functions, mailLog);
            for (HttpRoute route : template.routes()) {
                out.printf("Mounted %-6s %s%s -> %s%n", route.method(), api.baseUrl(),
                        "$default".equals(route.path()) ? "/*" : route.path(), route.functionLogicalId());
            }
            return api;
        } catch (IOException e) {
            closeQuietly(executor, storage);
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(executor, storage);
            throw e;
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static void closeQuietly(ExecutorService executor, LocalStorage storage) {
        if (executor != null) {
            executor.shutdownNow();
        }
        storage.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://127.0.0.1:3000}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    /** The DynamoDB endpoint the functions use, for tests that look at the tables directly. */
    String storageEndpoint() {
        return storage.engine().endpoint();
    }

    LocalStorage storage() {
        return storage;
    }

    Map<String, LocalFunction> functions() {
        return functions;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            functions.values().forEach(LocalFunction::close);
            closeQuietly(mailLog);
            storage.close();
        }
    }
}
