package dev.accounts.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

class CapacityUnitsTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("USER#1"));

    @Test
    void sizesAnItemByNamesAndValuesAsDynamoDbDoes() {
        // "pk" 2 + "USER#1" 6; "n" 1 + 12345 (5 digits → 3 bytes + 1); "ok" 2 + 1
        assertEquals(8 + 5 + 3, CapacityUnits.size(Map.of("pk", AttributeValue.fromS("USER#1"),
                "n", AttributeValue.fromN("12345"), "ok", AttributeValue.fromBool(true))));
    }

    @Test
    void anEventuallyConsistentGetOfASmallItemIsHalfAReadUnit() {
        CapacityUnits units = CapacityUnits.of(GetItemRequest.builder().key(KEY).build(),
                GetItemResponse.builder().item(KEY).build());
        assertEquals(new CapacityUnits(0.5, 0, 8), units);
        CapacityUnits strong = CapacityUnits.of(GetItemRequest.builder().key(KEY).consistentRead(true).build(),
                GetItemResponse.builder().item(KEY).build());
        assertEquals(1, strong.read());
    }

    @Test
    void aPutOverOneKilobyteTakesTwoWriteUnits() {
        var item = Map.of("pk", AttributeValue.fromS("x".repeat(1100)));
        assertEquals(2, CapacityUnits.of(PutItemRequest.builder().item(item).build(),
                PutItemResponse.builder().build()).write());
    }

    @Test
    void everyItemOfATransactionCostsTwiceConditionChecksIncluded() {
        var request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().item(KEY).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().key(KEY).build()).build()).build();
        assertEquals(4, CapacityUnits.of(request, TransactWriteItemsResponse.builder().build()).write());
    }

    @Test
    void aBatchReadChargesEveryKeyAtItsTablesConsistencyFoundOrNot() {
        var other = Map.of("pk", AttributeValue.fromS("USER#2"));
        var request = BatchGetItemRequest.builder().requestItems(Map.of(
                "users", KeysAndAttributes.builder().keys(KEY).consistentRead(true).build(),
                "revoked", KeysAndAttributes.builder().keys(KEY, other).build())).build();
        var response = BatchGetItemResponse.builder().responses(Map.of("users", List.of(KEY), "revoked", List.of()))
                .build();
        assertEquals(new CapacityUnits(1 + 0.5 + 0.5, 0, 8), CapacityUnits.of(request, response));
    }

    @Test
    void theWarmUpSizesEveryKindOfCallWithoutFailing() {
        CapacityUnits units = CapacityUnits.warmUp();
        // reads: get 0.5, query 0.5, batch 0.5, transact get 2; writes: put, update, delete 1 each, transaction 4 × 2
        assertEquals(3.5, units.read());
        assertEquals(11, units.write());
    }
}
