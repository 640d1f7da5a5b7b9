package dev.accounts.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * A loopback endpoint that passes every request to the storage engine one at a time. Several execution
 * environments call storage at once, and moto runs parallel requests without isolation (two conditional writes
 * of one item can both pass their check); one request at a time makes each atomic, as every DynamoDB request is,
 * while the functions' requests still interleave freely.
 * <p>
 * It also drops the ConsumedCapacity that moto adds to write answers nobody asked it for (DynamoDB answers it
 * only to a ReturnConsumedCapacity of INDEXES or TOTAL), so a client reads what DynamoDB would send: the
 * cold-start benchmark counts the classes a first call loads, and moto's extra answer part added ~35.
 * Used by the local API and the cold-start benchmark, whose functions run in parallel with the harness.
 */
public final class SerialisingRelay implements AutoCloseable {

    /**
     * The functions' SDK abandons an attempt after 1.5 s (dev.accounts.core.aws.AwsClients). A request still queued
     * here by then has no caller left: passing it on late would apply a write whose answer nobody reads, and the
     * caller's retry would then find its own write done (a refresh token spent, a username taken).
     */
    private static final long CALLER_GONE_AFTER_MILLIS = 1_500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DYNAMODB_TARGET = "DynamoDB_20120810.";
    private static final String CONSUMED_CAPACITY = "ConsumedCapacity";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");

    private final URI engine;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private final HttpServer server;

    private SerialisingRelay(URI engine) {
        this.engine = engine;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::relay);
        server.start();
    }

    public static SerialisingRelay inFrontOf(String engineEndpoint) {
        return new SerialisingRelay(URI.create(engineEndpoint));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                if (!oneAtATime.tryLock(CALLER_GONE_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
                    return; // the caller gave up waiting: dropped, as a request lost on the way would be
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // closing: the caller's SDK sees the connection end and retries or fails
            } finally {
                oneAtATime.unlock();
            }
            byte[] body = answer.body();
            byte[] faithful = withoutUnaskedCapacity(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    requestBody, answer.statusCode(), body);
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            if (faithful != body) {
                // the SDK checks the body against DynamoDB's CRC32 header
                CRC32 crc = new CRC32();
                crc.update(faithful);
                exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
                body = faithful;
            }
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException callerGone) {
            // the SDK closed the connection at its own timeout: nothing more to say
        }
    }

    /**
     * The answer without its top-level ConsumedCapacity when the request is DynamoDB's and did not ask for it;
     * the same array when there is nothing to drop.
     */
    private static byte[] withoutUnaskedCapacity(String target, byte[] request, int status, byte[] answer) {
        if (target == null || !target.startsWith(DYNAMODB_TARGET) || status != 200
                || !new String(answer, StandardCharsets.UTF_8).contains(CONSUMED_CAPACITY)) {
            return answer;
        }
        try {
            String asked = JSON.readTree(request).path("ReturnConsumedCapacity").asText("NONE");
            JsonNode parsed = JSON.readTree(answer);
            if (!"NONE".equals(asked) || !(parsed instanceof ObjectNode object) || !object.has(CONSUMED_CAPACITY)) {
                return answer;
            }
            object.remove(CONSUMED_CAPACITY);
            return JSON.writeValueAsBytes(object);
        } catch (IOException notJson) {
            return answer;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.close();
    }
}
