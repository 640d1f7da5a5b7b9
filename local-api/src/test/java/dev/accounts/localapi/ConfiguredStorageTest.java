package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.LocalSecrets;
import dev.accounts.devkit.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Given DYNAMODB_ENDPOINT and SIGNING_KEY_SECRET_ID, the local API uses them and starts nothing of its own. */
class ConfiguredStorageTest {

    @Test
    void usesTheGivenEngineAndSigningKeyAndLeavesTheEngineRunning() {
        try (MotoServer engine = MotoServer.start()) {
            String existingKey;
            try (SecretsManagerClient secrets = LocalEngine.external(engine.endpoint()).secretsManagerClient()) {
                existingKey = LocalSecrets.createSecret(secrets, "configured-keys", "{\"current\":\"mine\",\"keys\":[]}");
            }
            Map<String, String> env = Map.of("DYNAMODB_ENDPOINT", engine.endpoint(), "SIGNING_KEY_SECRET_ID", existingKey);
            TestSupport.Console console = new TestSupport.Console();
            try (LocalApi api = LocalApi.start(new LocalApiOptions(TestSupport.testTemplate(), "127.0.0.1", 0, Map.of()), env, console.stream)) {
                assertEquals(LocalEngine.Kind.ENV, api.storage().engine().kind());
                JsonNode environment = json(send(request(api, "/things/1").GET().build())).get("environment");
                assertEquals(api.storage().functionsDynamoEndpoint(), environment.get("DYNAMODB_ENDPOINT").asText(),
                        "the given engine, behind the relay");
                assertEquals(engine.endpoint(), environment.get("SECRETSMANAGER_ENDPOINT").asText());
                assertEquals(existingKey, environment.get("SIGNING_KEY_SECRET_ID").asText(), "no key generated");
                try (DynamoDbClient dynamo = LocalEngine.external(engine.endpoint()).dynamoDbClient()) {
                    assertTrue(dynamo.listTables().tableNames().contains("ThingsTable"), "tables made on the given engine");
                }
            }
            assertTrue(engine.isRunning(), "an engine the local API did not start, it does not stop");
        }
    }
}
