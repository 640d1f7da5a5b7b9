package dev.accounts.localapi;

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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loopback endpoint that passes every request to the storage engine one at a time. Several execution
 * environments call storage at once, and moto runs parallel requests without isolation (two conditional writes
 * of one item can both pass their check); one request at a time makes each atomic, as every DynamoDB request is,
 * while the functions' requests still interleave freely.
 */
final class SerialisingRelay implements AutoCloseable {

    /**
     * The functions' SDK abandons an attempt after 1.5 s (dev.accounts.core.aws.AwsClients). A request still queued
     * here by then has no caller left: passing it on late would apply a write whose answer nobody reads, and the
     * caller's retry would then find its own write done (a refresh token spent, a username taken).
     */
    static final long CALLER_GONE_AFTER_MILLIS = 1_500;

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

    static SerialisingRelay inFrontOf(String engineEndpoint) {
        return new SerialisingRelay(URI.create(engineEndpoint));
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
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
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException callerGone) {
            // the SDK closed the connection at its own timeout: nothing more to say
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.close();
    }
}
