package dev.accounts.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Endpoints where nothing answers, for the contract's 503 when storage cannot be reached. */
public final class Unreachable {
    private Unreachable() {}

    /** The stack with DynamoDB on a port just freed, so connections are refused at once rather than timing out. */
    public static TestStack dynamoDb(TestStack stack) {
        return stack.with("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
