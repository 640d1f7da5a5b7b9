package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API Gateway's part, for every request: find the route, build the event, invoke the function, write its
 * response back, log one access line. What API Gateway itself answers (no route, a failing function, a body
 * over its limit) is answered here in its words.
 */
final class GatewayHandler implements HttpHandler {

    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final RouteTable routes;
    private final Map<String, LocalFunction> functions;
    private final AccessLog accessLog;
    private final PrintStream out;

    GatewayHandler(RouteTable routes, Map<String, LocalFunction> functions, AccessLog accessLog, PrintStream out) {
        this.routes = routes;
        this.functions = functions;
        this.accessLog = accessLog;
        this.out = out;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant receivedAt = Instant.now();
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String functionId = null;
        OutgoingResponse response;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Optional<RouteTable.Match> match = routes.match(method, rawPath);
            if (body == null) {
                response = OutgoingResponse.gatewayMessage(413, "Request Entity Too Large", requestId);
            } else if (match.isEmpty()) {
                response = OutgoingResponse.gatewayMessage(404, "Not Found", requestId);
            } else {
                functionId = match.get().route().functionLogicalId();
                response = invoke(functions.get(functionId), request(exchange, body), match.get(), requestId, receivedAt);
            }
        } catch (IOException e) {
            response = OutgoingResponse.gatewayMessage(400, "Bad Request", requestId);
        }
        // logged before the answer leaves, so the line is there by the time a client sees the response
        accessLog.record(receivedAt, method, rawPath, response.status(), (System.nanoTime() - started) / 1_000_000, functionId);
        try {
            write(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private OutgoingResponse invoke(LocalFunction function, IncomingRequest request, RouteTable.Match match,
                                    String requestId, Instant receivedAt) {
        APIGatewayV2HTTPEvent event = EventMapper.toEvent(request, match, requestId, receivedAt);
        try {
            LocalFunction.Invocation result = function.invoke(event, requestId, out);
            if (result.overran()) {
                out.printf("warning: %s took longer than its Timeout of %d s; Lambda would have stopped it%n",
                        function.spec().logicalId(), function.spec().timeoutSeconds());
            }
            return ResponseMapper.toHttp(result.response(), requestId);
        } catch (RuntimeException | Error e) {
            // In Lambda this is an invocation error: the stack trace goes to the function's log, the client gets API Gateway's 500.
            out.println(function.spec().logicalId() + " failed on request " + requestId + ":");
            e.printStackTrace(out);
            return ResponseMapper.internalServerError(requestId);
        }
    }

    private static IncomingRequest request(HttpExchange exchange, byte[] body) {
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, sourceIp, exchange.getProtocol(),
                exchange.getLocalAddress().getPort());
    }

    /** The body, or null when it is over API Gateway's limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return bytes;
    }

    private static void write(HttpExchange exchange, OutgoingResponse response) throws IOException {
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length")) { // the server sets it from the body
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        boolean noBody = response.body().length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
                || response.status() == 204 || response.status() == 304;
        // -1: no body; 0 would mean a chunked body of unknown length
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        }
    }
}
