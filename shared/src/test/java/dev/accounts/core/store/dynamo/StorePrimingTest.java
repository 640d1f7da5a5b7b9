package dev.accounts.core.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.testing.TestStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The stores' warm-ups send their writes under {@link DynamoCalls#never()}: they must store nothing, ever. */
class StorePrimingTest {
    private final TestStack stack = TestStack.create();
    private final DynamoDbClient dynamoDb = stack.dynamoDb();

    @Test
    void neverHoldsForAnAbsentItemNorForAPresentOne() {
        Map<String, AttributeValue> present = Map.of("pk", AttributeValue.fromS("USER#present"),
                "username", AttributeValue.fromS("kept"));
        dynamoDb.putItem(r -> r.tableName(stack.usersTable()).item(present));

        assertThrows(ConditionalCheckFailedException.class, () -> putUnderNever(Map.of(
                "pk", AttributeValue.fromS("USER#present"), "username", AttributeValue.fromS("overwritten"))));
        assertThrows(ConditionalCheckFailedException.class, () -> putUnderNever(Map.of(
                "pk", AttributeValue.fromS("USER#absent"))));

        assertEquals(present, dynamoDb.getItem(r -> r.tableName(stack.usersTable())
                .key(Map.of("pk", AttributeValue.fromS("USER#present"))).consistentRead(true)).item());
        assertEquals(1, dynamoDb.scan(r -> r.tableName(stack.usersTable())).count());
    }

    @Test
    void neverJoinedToARealConditionIsRefusedWhereTheRealOneHolds() {
        // absentOrExpired holds for an absent item, with a name and a value of its own
        Expression real = DynamoCalls.absentOrExpired(Instant.now().getEpochSecond());
        Expression primed = DynamoCalls.never(real);

        assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(r -> r
                .tableName(stack.revokedTokensTable()).item(Map.of("pk", AttributeValue.fromS("FAMILY#absent")))
                .conditionExpression(primed.expression()).expressionAttributeNames(primed.expressionNames())
                .expressionAttributeValues(primed.expressionValues())));

        assertEquals(0, dynamoDb.scan(r -> r.tableName(stack.revokedTokensTable())).count());
    }

    @Test
    void primingTheStoresLeavesBothTablesAsTheyWere() throws Exception {
        EnvironmentWiring services = stack.services();
        User someone = new User(UUID.randomUUID().toString(), "someone", "", "", "", "hash",
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        services.users().create(someone);

        StoreWarmups warmups = services.storeWarmups();
        for (int round = 0; round < 3; round++) {
            warmups.userReads();
            warmups.userCreate();
            warmups.userDelete();
            warmups.passwordHashReplace();
            warmups.refreshSpend();
            warmups.revocationReads();
            warmups.familyRevocation();
        }

        assertEquals(2, dynamoDb.scan(r -> r.tableName(stack.usersTable())).count(), "the account and its name claim");
        assertEquals(0, dynamoDb.scan(r -> r.tableName(stack.revokedTokensTable())).count());
        assertEquals(someone, services.users().findById(someone.id()).orElseThrow());
    }

    private void putUnderNever(Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(stack.usersTable()).item(item)
                .conditionExpression(DynamoCalls.never().expression()));
    }
}
