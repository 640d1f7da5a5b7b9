package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The LocalStack path of the engine choice: a real container through Testcontainers, used by the whole suite on
 * machines with Docker (GitHub's runners, laptops). Where no Docker engine answers, as on our build machines,
 * this test is skipped and says so; the suite then runs on moto_server.
 */
class LocalStackEngineTest {
    @Test
    void createsATableAndASecretInLocalStack() {
        assumeTrue(LocalStackEngine.dockerAvailable(),
                "no Docker engine answers here: the LocalStack path is skipped and the tests use moto_server");
        try (LocalEngine engine = LocalStackEngine.start()) {
            assertEquals(LocalEngine.Kind.LOCALSTACK, engine.kind());
            var dynamo = engine.dynamoDbClient();
            dynamo.createTable(r -> r.tableName("probe")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            dynamo.waiter().waitUntilTableExists(r -> r.tableName("probe"));
            assertEquals("probe", dynamo.listTables().tableNames().get(0));
            String arn = LocalSecrets.createSecret(engine.secretsManagerClient(), "probe", "{}");
            assertEquals("{}", engine.secretsManagerClient().getSecretValue(r -> r.secretId(arn)).secretString());
        }
    }
}
