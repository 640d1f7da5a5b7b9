package dev.accounts.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.json.Json;
import dev.accounts.core.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape every handler shares: event in, one use-case call, response out. Expected failures arrive as
 * {@link ApiException}; storage trouble becomes 503; anything else a bare 500 with no detail. Nothing a
 * client sends can make an exception reach Lambda.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        RequestStreamHandler {

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

    /** The typed entry, for tests and the local API: the same answer as the stream method's. */
    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return respond(ApiRequest.from(event == null ? new APIGatewayV2HTTPEvent() : event), context).toLambda();
    }

    private ApiResponse respond(ApiRequest request, Context context) {
        long started = System.nanoTime();
        ApiResponse response;
        if (context == null) {
            RequestDeadline.startUnbounded();
        } else {
            RequestDeadline.startWithin(context.getRemainingTimeInMillis());
        }
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
