package dev.accounts.bench.probe;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The capacity units one DynamoDB call consumes on an on-demand table, computed from item sizes by DynamoDB's
 * published rules, because the local engine does not size them (moto answers ReturnConsumedCapacity with
 * constants, and nothing for UpdateItem or transactions). Reads: 4 KB units, half a unit when eventually
 * consistent, two in a transaction. Writes: 1 KB units, two in a transaction (a condition check too).
 * A write is charged on the larger of the item before and after; for an update, a delete or a condition check
 * the request shows neither, so its key and new values stand in for it: a lower bound that is exact while every
 * item stays under 1 KB, which {@link #largestItemBytes} (the largest item seen whole, read or put) lets the
 * harness check.
 */
public record CapacityUnits(double read, double write, int largestItemBytes) {
    public static final CapacityUnits NONE = new CapacityUnits(0, 0, 0);
    private static final int READ_UNIT = 4096;
    private static final int WRITE_UNIT = 1024;

    static CapacityUnits of(SdkRequest request, SdkResponse response) {
        return switch (request) {
            case GetItemRequest get -> {
                int size = size(((GetItemResponse) response).item());
                yield new CapacityUnits(readUnits(size, Boolean.TRUE.equals(get.consistentRead()) ? 1 : 0.5), 0, size);
            }
            case QueryRequest query -> {
                var items = ((QueryResponse) response).items();
                int total = items.stream().mapToInt(CapacityUnits::size).sum();
                int largest = items.stream().mapToInt(CapacityUnits::size).max().orElse(0);
                yield new CapacityUnits(readUnits(total, Boolean.TRUE.equals(query.consistentRead()) ? 1 : 0.5), 0, largest);
            }
            case BatchGetItemRequest batch -> batch((BatchGetItemResponse) response, batch);
            case PutItemRequest put -> new CapacityUnits(0, writeUnits(size(put.item()), 1), size(put.item()));
            case UpdateItemRequest update -> new CapacityUnits(0,
                    writeUnits(size(update.key()) + size(update.expressionAttributeValues()), 1), 0);
            case DeleteItemRequest delete -> new CapacityUnits(0, writeUnits(size(delete.key()), 1), 0);
            case TransactWriteItemsRequest transaction -> transaction(transaction.transactItems());
            default -> response instanceof TransactGetItemsResponse got ? new CapacityUnits(got.responses().stream()
                    .mapToDouble(r -> readUnits(size(r.item()), 2)).sum(), 0, 0) : NONE;
        };
    }

    /** Each item found is read on its own (4 KB units), at its table's consistency; a miss costs a unit too. */
    private static CapacityUnits batch(BatchGetItemResponse response, BatchGetItemRequest request) {
        double read = 0;
        int largest = 0;
        for (var table : request.requestItems().entrySet()) {
            double perUnit = Boolean.TRUE.equals(table.getValue().consistentRead()) ? 1 : 0.5;
            var found = response.responses().getOrDefault(table.getKey(), List.of());
            for (var item : found) {
                int size = size(item);
                read += readUnits(size, perUnit);
                largest = Math.max(largest, size);
            }
            read += (table.getValue().keys().size() - found.size()) * perUnit;
        }
        return new CapacityUnits(read, 0, largest);
    }

    private static CapacityUnits transaction(Collection<TransactWriteItem> items) {
        double write = 0;
        int largest = 0;
        for (TransactWriteItem item : items) {
            int size;
            if (item.put() != null) {
                size = size(item.put().item());
                largest = Math.max(largest, size);
            } else if (item.update() != null) {
                size = size(item.update().key()) + size(item.update().expressionAttributeValues());
            } else if (item.delete() != null) {
                size = size(item.delete().key());
            } else {
                size = size(item.conditionCheck().key());
            }
            write += writeUnits(size, 2);
        }
        return new CapacityUnits(0, write, largest);
    }

    /** Every request kind sized once, with an item of every attribute type (see AwsCallProbe's warm-up). */
    static CapacityUnits warmUp() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("USER#warm-up"));
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("USER#warm-up"),
                "n", AttributeValue.fromN("-0012.50"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("b")),
                "t", AttributeValue.fromBool(true), "z", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("s")), "ns", AttributeValue.fromNs(List.of("1")),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))),
                "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))));
        CapacityUnits total = NONE;
        for (CapacityUnits units : List.of(
                of(GetItemRequest.builder().key(key).build(), GetItemResponse.builder().item(item).build()),
                of(QueryRequest.builder().build(), QueryResponse.builder().items(item).build()),
                of(BatchGetItemRequest.builder().requestItems(Map.of("t",
                                KeysAndAttributes.builder().keys(key).build())).build(),
                        BatchGetItemResponse.builder().responses(Map.of("t", List.of(item))).build()),
                of(PutItemRequest.builder().item(item).build(), null),
                of(UpdateItemRequest.builder().key(key).expressionAttributeValues(item).build(), null),
                of(DeleteItemRequest.builder().key(key).build(), null),
                of(TransactWriteItemsRequest.builder().transactItems(
                        TransactWriteItem.builder().put(p -> p.item(item)).build(),
                        TransactWriteItem.builder().update(u -> u.key(key).expressionAttributeValues(item)).build(),
                        TransactWriteItem.builder().delete(d -> d.key(key)).build(),
                        TransactWriteItem.builder().conditionCheck(c -> c.key(key)).build()).build(), null),
                of(TransactGetItemsRequest.builder().build(),
                        TransactGetItemsResponse.builder().responses(r -> r.item(item)).build()))) {
            total = new CapacityUnits(total.read() + units.read(), total.write() + units.write(),
                    Math.max(total.largestItemBytes(), units.largestItemBytes()));
        }
        return total;
    }

    static double readUnits(int bytes, double perUnit) {
        return Math.max(1, Math.ceil(bytes / (double) READ_UNIT)) * perUnit;
    }

    static double writeUnits(int bytes, double perUnit) {
        return Math.max(1, Math.ceil(bytes / (double) WRITE_UNIT)) * perUnit;
    }

    /** An item's size as DynamoDB counts it: each attribute's name in UTF-8 plus its value. */
    static int size(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        return item.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + size(e.getValue())).sum();
    }

    static int size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> bytes(value.b());
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToInt(CapacityUnits::utf8).sum();
            case NS -> value.ns().stream().mapToInt(CapacityUnits::number).sum();
            case BS -> value.bs().stream().mapToInt(CapacityUnits::bytes).sum();
            case L -> 3 + value.l().stream().mapToInt(v -> 1 + size(v)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** Up to 38 significant digits, two to a byte, plus one. */
    private static int number(String text) {
        String digits = text.replaceAll("[^0-9]", "").replaceAll("^0+", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int bytes(SdkBytes bytes) {
        return bytes.asByteArrayUnsafe().length;
    }
}
