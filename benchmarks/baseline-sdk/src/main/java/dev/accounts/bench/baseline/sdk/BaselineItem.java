package dev.accounts.bench.baseline.sdk;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The one item the SDK baseline reads: a key and a small payload, mapped by a static schema (no reflection). */
final class BaselineItem {
    static final TableSchema<BaselineItem> SCHEMA = StaticTableSchema.builder(BaselineItem.class)
            .newItemSupplier(BaselineItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("payload").getter(i -> i.payload).setter((i, v) -> i.payload = v))
            .build();

    String pk;
    String payload;
}
