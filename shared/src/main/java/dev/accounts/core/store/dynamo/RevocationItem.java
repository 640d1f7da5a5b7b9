package dev.accounts.core.store.dynamo;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An item of the revoked-tokens table: a spent refresh token (JTI#), a revoked login family (FAM#), a user
 * whose tokens are all revoked (USER#), or a spend whose answer was lost (RETRY#, for a few seconds). `expires_at` is the TTL attribute; DynamoDB deletes late, so readers
 * also compare it with the clock.
 */
final class RevocationItem {
    static final String TOKEN_PREFIX = "JTI#";
    static final String FAMILY_PREFIX = "FAM#";
    static final String USER_PREFIX = "USER#";
    /** A spend of that token whose answer was lost: its retry is not theft while this lasts. */
    static final String UNCERTAIN_SPEND_PREFIX = "RETRY#";

    static final TableSchema<RevocationItem> SCHEMA = StaticTableSchema.builder(RevocationItem.class)
            .newItemSupplier(RevocationItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("expires_at").getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
            .addAttribute(String.class, a -> a.name("user_id").getter(i -> i.userId).setter((i, v) -> i.userId = v))
            .build();

    String pk;
    Long expiresAt;
    String userId;

    static RevocationItem of(String pk, String userId, Instant expiresAt) {
        RevocationItem item = new RevocationItem();
        item.pk = pk;
        item.userId = userId;
        item.expiresAt = expiresAt.getEpochSecond();
        return item;
    }

    boolean liveAt(Instant now) {
        return expiresAt != null && expiresAt > now.getEpochSecond();
    }
}
