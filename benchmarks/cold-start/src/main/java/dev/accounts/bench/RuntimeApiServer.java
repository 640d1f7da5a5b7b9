package dev.accounts.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The part of Lambda's Runtime API (2018-06-01) that the runtime interface client uses, on loopback: next
 * invocation, response, error, init error, and SnapStart's restore/next and restore/error. It also serves the
 * container credentials endpoint that SnapStart functions get their credentials from. One server serves run
 * after run; {@link #expect} starts a new conversation.
 */
final class RuntimeApiServer implements AutoCloseable {
    static final String BASE = "/2018-06-01/runtime/";
    static final String CREDENTIALS_PATH = "/credentials";
    static final String CREDENTIALS_TOKEN = "benchmark-container-token";
    static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";
    /** Lambda's default deadline is the function's timeout; the template's is 10 s. */
    private static final long DEADLINE_MILLIS = 10_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Invocations current;
    private volatile String functionName = "benchmark";

    private RuntimeApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static RuntimeApiServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // A waiting `next` holds its thread until the run ends, so threads come as needed.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        RuntimeApiServer api = new RuntimeApiServer(server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String credentialsUri() {
        return "http://" + address() + CREDENTIALS_PATH;
    }

    /** The conversation the next started environment will have; ends the previous one. */
    void expect(String function, Invocations invocations) {
        Invocations previous = current;
        if (previous != null) {
            previous.finish();
        }
        functionName = function;
        current = invocations;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Invocations invocations = current;
            if (path.equals(CREDENTIALS_PATH)) {
                credentials(exchange);
            } else if (invocations == null) {
                send(exchange, 503, "{\"errorMessage\":\"no run in progress\"}");
            } else if (method.equals("GET") && path.equals(BASE + "invocation/next")) {
                next(exchange, invocations);
            } else if (method.equals("POST") && path.startsWith(BASE + "invocation/") && path.endsWith("/response")) {
                invocations.answered(requestId(path), body(exchange));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith(BASE + "invocation/") && path.endsWith("/error")) {
                invocations.failed("the function reported an error for " + requestId(path)
                        + " (" + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") + ")",
                        body(exchange));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.equals(BASE + "init/error")) {
                invocations.failed("init error", body(exchange));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("GET") && path.equals(BASE + "restore/next")) {
                // SnapStart would take the snapshot here; the stand-in goes straight on.
                invocations.restorePolled();
                send(exchange, 200, "");
            } else if (method.equals("POST") && path.equals(BASE + "restore/error")) {
                invocations.failed("restore error", body(exchange));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"not part of the Runtime API: " + method + " " + path + "\"}");
            }
        } catch (IOException | RuntimeException e) {
            // the environment went away mid-answer (its process was stopped): nothing to tell it
        }
    }

    private void next(HttpExchange exchange, Invocations invocations) throws IOException {
        Invocations.Event event = invocations.next();
        if (event == null) {
            send(exchange, 503, "{\"errorMessage\":\"run over\"}");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", event.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + DEADLINE_MILLIS));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN_PREFIX + functionName);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        send(exchange, 200, event.body());
    }

    /** What the container credentials provider reads: dummy keys that the local engine accepts. */
    private static void credentials(HttpExchange exchange) throws IOException {
        if (!CREDENTIALS_TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 403, "{}");
            return;
        }
        String expiration = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        send(exchange, 200, "{\"AccessKeyId\":\"test\",\"SecretAccessKey\":\"test\",\"Token\":\"test\","
                + "\"Expiration\":\"" + expiration + "\"}");
    }

    private static String requestId(String path) {
        String rest = path.substring((BASE + "invocation/").length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        Invocations last = current;
        if (last != null) {
            last.finish();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
