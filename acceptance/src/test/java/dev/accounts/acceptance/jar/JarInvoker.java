package dev.accounts.acceptance.jar;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a child JVM whose class path is one function's deployment jar (plus this class): builds the handler
 * with its Lambda constructor from the process environment, primes it as SnapStart would, and answers one event.
 * Uses only what the jar itself must contain.
 */
public final class JarInvoker {
    private JarInvoker() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        APIGatewayV2HTTPEvent event = mapper.readValue(Files.readString(Path.of(args[1])), APIGatewayV2HTTPEvent.class);
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        ((org.crac.Resource) handler).beforeCheckpoint(null);
        APIGatewayV2HTTPResponse response =
                ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, null);
        System.out.println("STATUS " + response.getStatusCode());
        System.out.println("BODY " + response.getBody());
    }
}
