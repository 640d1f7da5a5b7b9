package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The relay in front of a real moto_server, reached through the AWS SDK as the functions reach it. */
class SerialisingRelayTest {

    private static final String TABLE = "relay-test";
    private static LocalEngine engine;
    private static SerialisingRelay relay;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        assumeTrue(MotoServer.findOnPath(MotoServer.EXECUTABLE).isPresent(), "moto_server is not on PATH");
        engine = DynamoEndpoints.startMoto();
        relay = SerialisingRelay.inFrontOf(engine.endpoint());
        client = DynamoDbClient.builder().endpointOverride(URI.create(relay.endpoint())).region(Region.of(LocalEngine.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            client.close();
            relay.close();
            engine.close();
        }
    }

    @Test
    void answersCarryConsumedCapacityOnlyWhenAskedAsDynamoDbsDo() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("capacity"));
        var unasked = client.updateItem(r -> r.tableName(TABLE).key(key).updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
        assertNull(unasked.consumedCapacity(), "moto adds it unasked; the relay drops it (and the SDK's CRC32 check passes)");
        var asked = client.updateItem(r -> r.tableName(TABLE).key(key).updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("2")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertNotNull(asked.consumedCapacity(), "asked for, it is passed on");
        assertEquals("2", client.getItem(r -> r.tableName(TABLE).key(key).consistentRead(true)).item().get("n").n());
    }

    @Test
    void parallelConditionalCreatesOfOneItemHaveOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String pk = "race-" + round;
                List<Callable<Boolean>> creates = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String writer = "writer-" + i;
                    creates.add(() -> {
                        try {
                            client.putItem(r -> r.tableName(TABLE).conditionExpression("attribute_not_exists(pk)")
                                    .item(Map.of("pk", AttributeValue.fromS(pk), "by", AttributeValue.fromS(writer))));
                            return true;
                        } catch (ConditionalCheckFailedException lost) {
                            return false;
                        }
                    });
                }
                int winners = 0;
                for (Future<Boolean> outcome : pool.invokeAll(creates)) {
                    winners += outcome.get() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
