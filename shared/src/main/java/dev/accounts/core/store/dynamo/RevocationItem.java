package dev.accounts.core.store.dynamo;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An item of the revoked-tokens table. FAM#: a login family, either live at generation `gen` (the one refresh
 * token of the family that can still be spent carries that generation; every lower one is spent) or, without
 * `gen`, revoked (logout, reuse; every FAM# written before generations existed is such a revocation); `spend_id`
 * names the spend call that set the generation. USER#: a
 * user whose tokens are all revoked (deletion). RETRY#: a spend whose answer was lost (for a few seconds).
 * JTI#: a token spent before generations existed (none is written any more; they expire within a refresh
 * token's lifetime). `expires_at` is the TTL attribute; DynamoDB deletes late, so readers also compare it with
 * the clock.
 */
final class RevocationItem {
    static final String TOKEN_PREFIX = "JTI#";
    static final String FAMILY_PREFIX = "FAM#";
    static final String USER_PREFIX = "USER#";
    /** A spend of that token whose answer was lost: its retry is not theft while this lasts. */
    static final String UNCERTAIN_SPEND_PREFIX = "RETRY#";
    static final String GENERATION = "gen";
    static final String SPEND_ID = "spend_id";

    static final TableSchema<RevocationItem> SCHEMA = StaticTableSchema.builder(RevocationItem.class)
            .newItemSupplier(RevocationItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("expires_at").getter(i -> i.expiresAt).setter((i, v) -> i.expiresAt = v))
            .addAttribute(String.class, a -> a.name("user_id").getter(i -> i.userId).setter((i, v) -> i.userId = v))
            .addAttribute(Long.class, a -> a.name(GENERATION).getter(i -> i.generation).setter((i, v) -> i.generation = v))
            .addAttribute(String.class, a -> a.name(SPEND_ID).getter(i -> i.spendId).setter((i, v) -> i.spendId = v))
            .build();

    String pk;
    Long expiresAt;
    String userId;
    Long generation;
    /** FAM# at a generation: the id of the spend call that moved it there (its own retries recognise it). */
    String spendId;

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

    /** A FAM# item: the family is revoked (a live item without a generation). */
    boolean revokesFamily(Instant now) {
        return liveAt(now) && generation == null;
    }

    /** A FAM# item: a refresh token of this generation has been spent (the family has moved past it). */
    boolean spent(long tokenGeneration, Instant now) {
        return liveAt(now) && generation != null && generation > tokenGeneration;
    }
}
