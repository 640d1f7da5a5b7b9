package dev.accounts.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accounts.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A DynamoDB endpoint on loopback that relays requests to the real engine, and fails them on demand as DynamoDB
 * fails: refusing connections (stopped), answering throttling errors, cancelling transactions for reasons other
 * than a lost condition, or answering too late. Faults can be limited to one operation (the X-Amz-Target).
 * <p>
 * {@link #oneRequestAtATime} makes every request atomic, as each DynamoDB request is: moto 5.2.1 runs requests
 * on parallel threads without isolation (a transaction checks its conditions, then writes, and another can
 * pass the same check in between), so two conditional writes of one item can both succeed there. Requests of
 * racing functions still interleave freely; only each single request is indivisible, as in DynamoDB.
 */
final class DynamoRelay implements AutoCloseable {
    static final String TRANSACT_WRITE = "TransactWriteItems";
    static final String UPDATE = "UpdateItem";

    /** What the endpoint does with a request of an affected operation. */
    private sealed interface Fault {}

    private record Forward() implements Fault {}

    /** 400 with the error type in x-amzn-ErrorType and __type, as DynamoDB answers throttled requests. */
    private record Throttle(String errorType) implements Fault {}

    /** 400 TransactionCanceledException with `code` as the first item's reason, the rest "None". */
    private record CancelTransaction(String code) implements Fault {}

    /** Holds the request, never passing it on, then drops the connection: an engine that does not answer. */
    private record Hang(Duration hold) implements Fault {}

    /**
     * Passes the request on (so the engine acts on it) and holds the answer: the answer is lost, not the write.
     * `once`: only the first request's; the ones after it are forwarded.
     */
    private record AnswerLate(Duration hold, boolean once) implements Fault {}

    /** Runs `action` once (another function's request, committed just before this one), then passes it on. */
    private record RunFirst(Runnable action) implements Fault {}

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");
    private static final String JSON_TYPE = "application/x-amz-json-1.0";

    private final URI engine;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private final Object engineLock = new Object();
    private final boolean atomic;
    private volatile HttpServer server;
    private volatile Fault fault = new Forward();
    private volatile String affectedOperation;

    private DynamoRelay(URI engine, boolean atomic) {
        this.engine = engine;
        this.atomic = atomic;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** Starts passing everything to `engineEndpoint` until told otherwise. */
    static DynamoRelay inFrontOf(String engineEndpoint) {
        return new DynamoRelay(URI.create(engineEndpoint), false);
    }

    /** Passes everything to `engineEndpoint`, one request at a time, so that each is atomic as in DynamoDB. */
    static DynamoRelay oneRequestAtATime(String engineEndpoint) {
        return new DynamoRelay(URI.create(engineEndpoint), true);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    void forward() {
        set(new Forward(), null);
    }

    /** Every request (or only `operation`'s, when not null) is answered with a throttling error. */
    void throttle(String errorType, String operation) {
        set(new Throttle(errorType), operation);
    }

    void cancelTransactions(String reasonCode) {
        set(new CancelTransaction(reasonCode), TRANSACT_WRITE);
    }

    void hang(Duration hold) {
        set(new Hang(hold), null);
    }

    void answerLate(Duration hold, String operation) {
        set(new AnswerLate(hold, false), operation);
    }

    /** Only the next request of `operation` has its answer lost; the SDK's retry of it is forwarded. */
    void answerLateOnce(Duration hold, String operation) {
        set(new AnswerLate(hold, true), operation);
    }

    /**
     * The next request of `operation` waits while `action` runs (it must not reach the engine through this relay),
     * then goes on; the relay forwards everything after that. Places another request exactly between two of one
     * function's calls.
     */
    void runBefore(String operation, Runnable action) {
        set(new RunFirst(action), operation);
    }

    /** Stops listening: connections are refused, as by an engine that is down. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port: the engine is back, with everything it stored. */
    synchronized void start() {
        if (server == null) {
            server = listen(port);
        }
    }

    /** The operations requested since the last call, in order (X-Amz-Target without the API version). */
    List<String> takeSeen() {
        List<String> operations = List.copyOf(seen);
        seen.clear();
        return operations;
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
        client.close();
    }

    private void set(Fault next, String operation) {
        affectedOperation = operation;
        fault = next;
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
            created.setExecutor(executor);
            created.createContext("/", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            seen.add(operation);
            Fault current = affectedOperation == null || affectedOperation.equals(operation) ? fault : new Forward();
            switch (current) {
                case Forward f -> relay(exchange, forward(exchange, request));
                case Throttle t -> answer(exchange, 400, t.errorType(), error(t.errorType(), "Rate of requests exceeds the allowed throughput."));
                case CancelTransaction c -> answer(exchange, 400, "TransactionCanceledException", cancellation(request, c.code()));
                case Hang h -> pause(h.hold());
                case RunFirst first -> {
                    forward();
                    first.action().run();
                    relay(exchange, forward(exchange, request));
                }
                case AnswerLate late -> {
                    if (late.once()) {
                        forward();
                    }
                    HttpResponse<byte[]> answer = forward(exchange, request);
                    pause(late.hold());
                    relay(exchange, answer);
                }
            }
        } catch (IOException clientGaveUp) {
            // the SDK closed the connection at its timeout: nothing more to say
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            if (!atomic) {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            synchronized (engineLock) {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> answer) throws IOException {
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        send(exchange, answer.statusCode(), answer.body());
    }

    private static void answer(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of(JSON_TYPE));
        exchange.getResponseHeaders().put("x-amzn-ErrorType", List.of(errorType));
        exchange.getResponseHeaders().put("x-amzn-RequestId", List.of("faulty-" + System.nanoTime()));
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String error(String type, String message) {
        return Json.write(Map.of("__type", "com.amazonaws.dynamodb.v20120810#" + type, "message", message));
    }

    /** One reason per item of the transaction, as DynamoDB lists them: `code` first, "None" for the others. */
    private static String cancellation(byte[] request, String code) throws IOException {
        JsonNode items = Json.MAPPER.readTree(request).path("TransactItems");
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException")
                .put("message", "Transaction cancelled, please refer cancellation reasons for specific reasons");
        ArrayNode reasons = body.putArray("CancellationReasons");
        for (int i = 0; i < Math.max(1, items.size()); i++) {
            reasons.addObject().put("Code", i == 0 ? code : "None");
        }
        return Json.write(body);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
