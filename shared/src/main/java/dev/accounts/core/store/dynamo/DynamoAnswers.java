package dev.accounts.core.store.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.extensions.ReadModification;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedResponse;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * SnapStart priming for answers priming cannot receive without storing something first: a found item, a write
 * that went through. Building them, with no call made, runs their classes' initialisation (each SDK model class
 * builds its field table, a dozen lambdas), which the first real answer would otherwise pay inside a request:
 * delete-account's first call after priming loaded 26 such classes (-Xlog:class+load, docs/PERFORMANCE.md).
 */
final class DynamoAnswers {
    private DynamoAnswers() {}

    /** What a GetItem that finds {@code item} is unmarshalled into and the enhanced client reads it through. */
    static void found(Map<String, AttributeValue> item) {
        item.values().forEach(value -> value.toBuilder().build()); // the unmarshaller builds each value
        GetItemResponse.builder().item(item).build();
        ReadModification.builder().transformedItem(item).build();
    }

    /** A TransactWriteItems that was not cancelled. */
    static void transactionWritten() {
        // the unmarshaller sets these (empty when not asked for), through their copiers
        TransactWriteItemsResponse.builder().consumedCapacity(List.of()).itemCollectionMetrics(Map.of()).build();
        TransactWriteItemsEnhancedResponse.builder().build();
    }

    /** A PutItem whose condition held. */
    static void itemPut(Class<?> itemClass) {
        PutItemResponse.builder().build();
        PutItemEnhancedResponse.builder(itemClass).build();
    }
}
