package dev.accounts.acceptance.jar;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a child JVM whose class path is one function's deployment jar (plus this class): builds the handler
 * with its Lambda constructor from the process environment, primes it as SnapStart would, and hands it one
 * event's bytes through RequestStreamHandler, as the Lambda runtime does. Uses only what the jar must contain.
 */
public final class JarInvoker {
    private JarInvoker() {}

    public static void main(String[] args) throws Exception {
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        ((org.crac.Resource) handler).beforeCheckpoint(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
            ((RequestStreamHandler) handler).handleRequest(event, out, null);
        }
        JsonNode response = new ObjectMapper().readTree(out.toByteArray());
        System.out.println("STATUS " + response.path("statusCode").asInt());
        System.out.println("BODY " + response.path("body").asText());
    }
}
