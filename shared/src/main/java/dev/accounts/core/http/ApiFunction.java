package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.json.Json;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The shape every handler shares: event in, one use-case call, response out. Expected failures arrive as
 * {@link ApiException}; storage trouble becomes 503; anything else a bare 500 with no detail. Nothing a
 * client sends can make an exception reach Lambda.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        RequestStreamHandler, Resource {

    /** Registers for SnapStart's checkpoint (org.crac is a no-op where the JVM has no CRaC). */
    protected ApiFunction() {
        Core.getGlobalContext().register(this);
    }

    /**
     * Runs this function's code path without side effects: no write, nothing unique kept for later requests.
     * SnapStart calls it before the snapshot, so class loading, JIT compilation and connection set-up are
     * paid once at deploy time rather than by the first user.
     */
    public void prime() {
        // nothing by default
    }

    /** Rounds of priming: enough for the JIT to compile the hot paths, which the snapshot then keeps. */
    static final int PRIMING_ROUNDS = 5;

    /** Where the runtime client puts each invocation's X-Ray trace id (and the AWS SDK looks for it). */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    /**
     * Best effort: priming that fails (storage unreachable or throttled while the version is published) leaves a
     * slower first call, which is no reason to fail the deployment, so it is logged and the snapshot goes ahead.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // Every invocation runs under a trace id, which the runtime client sets as this property and the AWS SDK
        // then adds to each call as a header: priming does the same, or that path is left for the first request.
        String traceId = System.getProperty(TRACE_HEADER_PROPERTY);
        System.setProperty(TRACE_HEADER_PROPERTY, PrimingRequests.TRACE_ID);
        try {
            for (int round = 0; round < PRIMING_ROUNDS; round++) {
                Metrics.prime();
                prime();
            }
        } catch (RuntimeException e) {
            JsonLog.warn("priming incomplete", Map.of("function", getClass().getSimpleName(),
                    "error", e.getClass().getName()));
        } finally {
            if (traceId == null) {
                System.clearProperty(TRACE_HEADER_PROPERTY);
            } else {
                System.setProperty(TRACE_HEADER_PROPERTY, traceId);
            }
        }
        RuntimeClientClasses.load(getClass().getClassLoader());
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: credentials come from the container endpoint, random ids are drawn per request
    }

    /** The one thing a handler does: answer the request through its use-case. */
    protected abstract ApiResponse handle(ApiRequest request);

    /**
     * Lambda calls the stream method (the template names the class without a method, and the runtime client then
     * prefers RequestStreamHandler): the event is read and the response written with the Jackson the core already
     * loads, as a tree and a map, instead of through the runtime client's own copy and the events library's beans,
     * which cost hundreds of classes at every cold start. Fields the request does not use are ignored.
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(input);
        } catch (IOException notAnEvent) {
            // API Gateway always sends an event; anything else is answered like an empty request, never thrown.
            event = MissingNode.getInstance();
        }
        output.write(respond(ApiRequest.from(event == null ? MissingNode.getInstance() : event), context).toLambdaJson());
    }

    /** A priming request, sent through the path Lambda uses: event bytes in, response bytes out. */
    protected final void primeWith(APIGatewayV2HTTPEvent event) {
        try {
            handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), new ByteArrayOutputStream(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typed entry, for tests and the local API: the same answer as the stream method's. */
    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return respond(ApiRequest.from(event == null ? new APIGatewayV2HTTPEvent() : event), context).toLambda();
    }

    private ApiResponse respond(ApiRequest request, Context context) {
        long started = System.nanoTime();
        ApiResponse response;
        RequestDeadline.start(context);
        try {
            response = answer(request);
        } finally {
            RequestDeadline.end();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", request.requestId());
        fields.put("function", getClass().getSimpleName());
        fields.put("method", request.method());
        fields.put("path", request.path());
        fields.put("status", response.status());
        fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        JsonLog.info("request", fields);
        return response;
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            return handle(request);
        } catch (ApiException e) {
            return ApiResponse.of(e);
        } catch (StorageUnavailableException e) {
            JsonLog.warn("storage unavailable", Map.of("requestId", request.requestId(), "error", e.getMessage()));
            return ApiResponse.of(Errors.serviceUnavailable());
        } catch (RuntimeException | StackOverflowError e) {
            // The class name only: an exception message may quote input, and input may hold a password.
            JsonLog.error("unexpected failure", Map.of("requestId", request.requestId(),
                    "error", e.getClass().getName()));
            return ApiResponse.of(Errors.internal());
        }
    }
}
