package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.LocalMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pass-through endpoint per function between its SDK clients and the local engine, recording every AWS call the
 * function makes (its X-Amz-Target and request body), so that the calls can be held against the function's IAM
 * policies: the local engines check no permissions, AWS does. SES (API v2, REST: no X-Amz-Target) is recorded
 * as {@code sesv2.SendEmail} and goes on to the tests' shared local mail server, on which the deployment has
 * verified its sender.
 */
final class AwsCallRecorder implements AutoCloseable {
    /** Headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED_REQUEST_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Set<String> HOP_BY_HOP_RESPONSE_HEADERS = Set.of("connection", "content-length", "transfer-encoding");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One AWS API call, e.g. target {@code DynamoDB_20120810.GetItem} with its JSON request. */
    record AwsCall(String target, JsonNode request) {
    }

    private final LocalEngine engine;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, List<AwsCall>> calls = new ConcurrentHashMap<>();

    AwsCallRecorder(LocalEngine engine) {
        this.engine = engine;
    }

    /** The endpoint variables that route the function's calls through its recorder. */
    Map<String, String> endpointsFor(String functionId) {
        String url = "http://127.0.0.1:" + servers.computeIfAbsent(functionId, this::start).getAddress().getPort();
        return Map.of("DYNAMODB_ENDPOINT", url, "SECRETSMANAGER_ENDPOINT", url, "SES_ENDPOINT", url);
    }

    /** The function's calls so far, in order. */
    List<AwsCall> calls(String functionId) {
        return List.copyOf(calls.getOrDefault(functionId, List.of()));
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
    }

    /** The SES v2 operation of a REST call; only sending is expected of the functions. */
    private static String sesTarget(HttpExchange exchange) {
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        return call.equals("POST /v2/email/outbound-emails") ? "sesv2.SendEmail" : "sesv2." + call;
    }

    private HttpServer start(String functionId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> forward(functionId, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the AWS call recorder of " + functionId, e);
        }
    }

    private void forward(String functionId, HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean mail = exchange.getRequestURI().getPath().startsWith("/v2/email/");
            String target = mail ? sesTarget(exchange) : exchange.getRequestHeaders().getFirst("X-Amz-Target");
            calls.computeIfAbsent(functionId, id -> new CopyOnWriteArrayList<>())
                    .add(new AwsCall(target, body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body)));
            String upstream = mail ? LocalMail.shared().endpoint()
                    : target != null && target.startsWith("secretsmanager.") ? engine.secretsManagerEndpoint() : engine.endpoint();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }
}
