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
 * API Gateway's part, for every request: answer a CORS preflight, find the route, apply the route's throttle,
 * build the event, invoke the function, write its response back with the CORS headers, log one access line.
 * What API Gateway itself answers (no route, throttled, a failing, timed-out or throttled function, a body over
 * its limit) is answered here in its words.
 */
final class GatewayHandler implements HttpHandler {

    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final RouteTable routes;
    private final Map<String, LocalFunction> functions;
    private final Optional<CorsPolicy> cors;
    private final RouteThrottle throttle;
    private final AccessLog accessLog;
    private final PrintStream out;

    GatewayHandler(RouteTable routes, Map<String, LocalFunction> functions, Optional<CorsPolicy> cors,
                   RouteThrottle throttle, AccessLog accessLog, PrintStream out) {
        this.routes = routes;
        this.functions = functions;
        this.cors = cors;
        this.throttle = throttle;
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
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String functionId = null;
        boolean preflight = cors.isPresent() && CorsPolicy.isPreflight(method, origin,
                exchange.getRequestHeaders().getFirst("Access-Control-Request-Method"));
        OutgoingResponse response;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Optional<RouteTable.Match> match = routes.match(method, rawPath);
            if (body == null) {
                response = OutgoingResponse.gatewayMessage(413, "Request Entity Too Large", requestId);
            } else if (preflight) {
                response = cors.get().preflight(origin, requestId); // answered by API Gateway, whatever the routes
            } else if (match.isEmpty()) {
                response = OutgoingResponse.gatewayMessage(404, "Not Found", requestId);
            } else if (!throttle.admit(match.get().route())) {
                response = OutgoingResponse.gatewayMessage(429, "Too Many Requests", requestId);
            } else {
                functionId = match.get().route().functionLogicalId();
                response = invoke(functions.get(functionId), request(exchange, body), match.get(), requestId, receivedAt);
            }
        } catch (IOException e) {
            response = OutgoingResponse.gatewayMessage(400, "Bad Request", requestId);
        }
        if (cors.isPresent() && !preflight) {
            response = cors.get().applyTo(response, origin);
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
        String name = function.spec().logicalId();
        return switch (function.invoke(event, requestId)) {
            case LocalFunction.Outcome.Answered answered -> ResponseMapper.toHttp(answered.response(), requestId);
            case LocalFunction.Outcome.Failed failed -> {
                // Lambda's unhandled error: the stack trace goes to the function's log, the client gets API Gateway's 500.
                out.println(name + " failed on request " + requestId + ":");
                failed.error().printStackTrace(out);
                yield ResponseMapper.internalServerError(requestId);
            }
            // A function stopped at its Timeout is a function error (500); API Gateway giving up first is its 503.
            case LocalFunction.Outcome.TimedOut timedOut -> timedOut.byIntegration()
                    ? OutgoingResponse.gatewayMessage(503, "Service Unavailable", requestId)
                    : ResponseMapper.internalServerError(requestId);
            case LocalFunction.Outcome.Throttled throttled -> {
                // Lambda refuses the invocation (429 TooManyRequestsException, "Rate Exceeded."); API Gateway answers 500.
                out.printf("%s %s throttled: all %d environments busy (ReservedConcurrentExecutions or --max-concurrency)%n",
                        Instant.now(), name, throttled.limit());
                yield ResponseMapper.internalServerError(requestId);
            }
        };
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
