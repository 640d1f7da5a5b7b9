package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoEndpointsTest {

    @Test
    void sharedEngineIsOneEngineThatAnswersDynamoDb() {
        long started = System.nanoTime();
        LocalEngine engine = DynamoEndpoints.shared();
        System.out.printf("local engine: %s, ready in %d ms%n", engine.describe(), (System.nanoTime() - started) / 1_000_000);
        assertSame(engine, DynamoEndpoints.shared());
        if (System.getenv(DynamoEndpoints.ENDPOINT_VARIABLE) != null) {
            assertEquals(LocalEngine.Kind.ENV, engine.kind());
        }
        try (DynamoDbClient dynamo = engine.dynamoDbClient()) {
            dynamo.createTable(r -> r.tableName("probe-" + System.nanoTime())
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
            assertTrue(dynamo.listTables().tableNames().stream().anyMatch(n -> n.startsWith("probe-")));
        }
    }
}
