package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class MotoServerTest {

    @Test
    void startsServesTablesAndSecretsAndLeavesNothingBehind() throws URISyntaxException {
        assumeTrue(MotoServer.findOnPath(MotoServer.EXECUTABLE).isPresent(), "moto_server is not on PATH");
        SamTemplate template = SamTemplate.load(Path.of(getClass().getResource("/sample-template.yaml").toURI()));
        long startedAt = System.nanoTime();
        MotoServer moto = MotoServer.start();
        System.out.printf("moto_server answered after %d ms%n", (System.nanoTime() - startedAt) / 1_000_000);
        List<ProcessHandle> tree;
        int port = moto.port();
        try {
            LocalEngine engine = new LocalEngine(LocalEngine.Kind.MOTO, moto.endpoint(), moto.endpoint(), moto);
            assertEquals("http://127.0.0.1:" + port, engine.endpoint());
            try (DynamoDbClient dynamo = engine.dynamoDbClient(); SecretsManagerClient secrets = engine.secretsManagerClient()) {
                Map<String, String> names = LocalTables.create(dynamo, template, Map.of("UsersTable", "users-local"));
                assertEquals(Map.of("UsersTable", "users-local", "EventsTable", "EventsTable"), names);

                TableDescription users = dynamo.describeTable(r -> r.tableName("users-local")).table();
                assertEquals("ACTIVE", users.tableStatusAsString());
                assertEquals("pk", users.keySchema().get(0).attributeName());
                assertEquals("by-email", users.globalSecondaryIndexes().get(0).indexName());
                assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(r -> r.tableName("users-local"))
                        .timeToLiveDescription().timeToLiveStatus());
                assertEquals(2, dynamo.describeTable(r -> r.tableName("EventsTable")).table().keySchema().size());

                String arn = LocalSecrets.createSecret(secrets, "signing-keys", "{\"current\":\"k1\"}");
                assertTrue(arn.startsWith("arn:aws:secretsmanager:us-east-1:"), arn);
                assertEquals("{\"current\":\"k1\"}", secrets.getSecretValue(r -> r.secretId(arn)).secretString());
                assertEquals(arn, LocalSecrets.createSecret(secrets, "signing-keys", "{\"current\":\"k2\"}"),
                        "creating again replaces the value of the same secret");
                assertEquals("{\"current\":\"k2\"}", secrets.getSecretValue(r -> r.secretId(arn)).secretString());
            }
            tree = ProcessHandle.of(moto.pid()).stream()
                    .flatMap(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()))
                    .toList();
            assertFalse(tree.isEmpty());
        } finally {
            long closingAt = System.nanoTime();
            moto.close();
            System.out.printf("moto_server stopped in %d ms%n", (System.nanoTime() - closingAt) / 1_000_000);
        }
        assertFalse(moto.isRunning());
        assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "a process of the server is still alive: " + tree);
        assertFalse(acceptsConnections(port), "port " + port + " still open");
    }

    @Test
    void twoServersRunSideBySideOnDifferentPorts() {
        assumeTrue(MotoServer.findOnPath(MotoServer.EXECUTABLE).isPresent(), "moto_server is not on PATH");
        try (MotoServer first = MotoServer.start(); MotoServer second = MotoServer.start()) {
            assertTrue(first.port() != second.port());
            assertTrue(acceptsConnections(first.port()) && acceptsConnections(second.port()));
        }
    }

    @Test
    void looksBehindAPyenvShimOnlyWhenOneVersionHasTheCommand(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        Path shim = executable(root.resolve("shims/moto_server"));
        Path real = executable(root.resolve("versions/3.11.7/bin/moto_server"));
        java.nio.file.Files.createDirectories(root.resolve("versions/3.12.1/bin"));
        assertEquals(real, MotoServer.behindPyenvShim(shim));

        executable(root.resolve("versions/3.12.1/bin/moto_server"));
        assertEquals(shim, MotoServer.behindPyenvShim(shim), "two candidates: the shim picks");

        Path plain = executable(root.resolve("usr/bin/moto_server"));
        assertEquals(plain, MotoServer.behindPyenvShim(plain));
    }

    private static Path executable(Path path) throws IOException {
        java.nio.file.Files.createDirectories(path.getParent());
        java.nio.file.Files.writeString(path, "#!/bin/sh\n");
        path.toFile().setExecutable(true);
        return path;
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
