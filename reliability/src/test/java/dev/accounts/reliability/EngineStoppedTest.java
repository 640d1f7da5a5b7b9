package dev.accounts.reliability;

import static dev.accounts.core.testing.Responses.assertServiceUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.devkit.DynamoEndpoints;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.LocalSecrets;
import dev.accounts.devkit.LocalTables;
import dev.accounts.devkit.SamTemplate;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The engine itself dies mid-run: a moto_server of this test's own, serving DynamoDB and the signing-key
 * secret as one AWS region would, is stopped between requests. Storage-backed endpoints answer 503 with
 * Retry-After; key discovery keeps answering from the key set already read.
 */
class EngineStoppedTest {
    private LocalEngine engine;
    private Handlers handlers;

    @BeforeEach
    void ownEngine() {
        // This test kills the engine it owns; the others may run on LocalStack or DYNAMODB_ENDPOINT instead.
        assumeTrue(onPath("moto_server"), "moto_server is not on PATH: this test stops an engine of its own");
        engine = DynamoEndpoints.startMoto();
        Map<String, String> env = new HashMap<>();
        try (DynamoDbClient dynamo = engine.dynamoDbClient(); SecretsManagerClient secrets = engine.secretsManagerClient()) {
            SamTemplate template = SamTemplate.locate();
            Map<String, String> tables = LocalTables.create(dynamo, template, LocalTables.uniqueNames(template));
            env.put("USERS_TABLE", tables.get("UsersTable"));
            env.put("REVOKED_TOKENS_TABLE", tables.get("RevokedTokensTable"));
            env.put("SIGNING_KEY_SECRET_ID", LocalSecrets.createSecret(secrets, "signing-keys",
                    SigningKeySet.generate().toSecretJson()));
        }
        env.put("AWS_REGION", engine.region());
        env.put("AWS_ACCESS_KEY_ID", engine.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", engine.secretKey());
        env.put("DYNAMODB_ENDPOINT", engine.endpoint());
        env.put("SECRETSMANAGER_ENDPOINT", engine.secretsManagerEndpoint());
        handlers = new Handlers(EnvironmentWiring.fromEnvironment(env));
    }

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void everyStorageBackedEndpointAnswers503OnceTheEngineIsGone() {
        String name = Accounts.uniqueName("engine_stopped");
        JsonNode user = Responses.json(handlers.signUp(name, Accounts.PASSWORD));
        APIGatewayV2HTTPResponse loggedIn = handlers.login(name, Accounts.PASSWORD);
        assertEquals(200, loggedIn.getStatusCode(), loggedIn.getBody());
        String access = Responses.json(loggedIn).path("access").asText();
        String refresh = Responses.json(loggedIn).path("refresh").asText();

        engine.close();

        assertServiceUnavailable(handlers.signUp(Accounts.uniqueName("after_stop"), Accounts.PASSWORD));
        assertServiceUnavailable(handlers.login(name, Accounts.PASSWORD));
        assertServiceUnavailable(handlers.refresh(refresh));
        assertServiceUnavailable(handlers.logout(access, refresh));
        assertServiceUnavailable(handlers.deleteAccount(access, user.path("id").asText()));
        assertServiceUnavailable(handlers.verify(access));
        assertEquals(200, handlers.jwks().getStatusCode(), "the key set read before the stop still serves");
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
