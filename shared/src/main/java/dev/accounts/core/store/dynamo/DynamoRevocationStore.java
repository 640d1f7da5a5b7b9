package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absentOrExpired;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;

import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RevocationStore} on the revoked-tokens table: a login family's item holds its generation (how many of
 * its refresh tokens were spent) or its revocation; spending also checks the user still exists.
 */
public final class DynamoRevocationStore implements RevocationStore {
    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<RevocationItem> revocations;
    private final DynamoDbTable<UserItem> users;
    private final Clock clock;

    public DynamoRevocationStore(DynamoDbEnhancedClient client, String revokedTokensTable, String usersTable,
                                 Clock clock) {
        this.client = client;
        this.revocations = client.table(revokedTokensTable, RevocationItem.SCHEMA);
        this.users = client.table(usersTable, UserItem.SCHEMA);
        this.clock = clock;
    }

    /**
     * Two calls. One consistent batch read refuses a token whose user is gone, signed out everywhere since the
     * token's session began, or revoked whole, and (generation 0 only) one spent before generations existed.
     * Then one conditional update of the family's item spends the token: it moves the family from the token's
     * generation to the next, unless the family is revoked or already past it. Of two concurrent spends exactly
     * one passes that condition. A deletion or sign-out committed between the two calls is not missed for good:
     * the pair issued carries the same session start and user, which every later use checks.
     */
    @Override
    public SpendOutcome spend(TokenClaims refresh, Instant at) {
        SpendOutcome refused = refusedByReads(refresh, at);
        if (refused != null) {
            return refused;
        }
        String spendId = UUID.randomUUID().toString();
        UpdateItemEnhancedRequest<RevocationItem> request = spendRequest(refresh, at, spendable(refresh, at), spendId);
        try {
            call("spend refresh token", () -> revocations.updateItem(request));
            return SpendOutcome.SPENT;
        } catch (ConditionalCheckFailedException lost) {
            RevocationItem family = call("read family", () -> revocations.getItem(r -> r
                    .key(key(RevocationItem.FAMILY_PREFIX + refresh.family())).consistentRead(true)));
            if (family != null && spendId.equals(family.spendId)) {
                // the SDK retried this very update after an attempt whose answer was lost: that attempt committed
                return SpendOutcome.SPENT;
            }
            return family != null && family.spent(refresh.generation(), at) ? SpendOutcome.ALREADY_SPENT
                    : SpendOutcome.REVOKED;
        }
    }

    /** The reads' verdict, or null when they allow the spend. */
    private SpendOutcome refusedByReads(TokenClaims refresh, Instant at) {
        ReadBatch.Builder<UserItem> user = ReadBatch.builder(UserItem.class).mappedTableResource(users)
                .addGetItem(r -> r.key(key(UserItem.USER_PREFIX + refresh.userId())).consistentRead(true));
        ReadBatch.Builder<RevocationItem> records = ReadBatch.builder(RevocationItem.class).mappedTableResource(revocations)
                .addGetItem(r -> r.key(key(RevocationItem.USER_PREFIX + refresh.userId())).consistentRead(true));
        if (refresh.generation() == 0) {
            records.addGetItem(r -> r.key(key(RevocationItem.TOKEN_PREFIX + refresh.jti())).consistentRead(true));
        }
        BatchGetItemEnhancedRequest request = BatchGetItemEnhancedRequest.builder()
                .readBatches(user.build(), records.build()).build();
        List<UserItem> found = new ArrayList<>();
        List<RevocationItem> live = new ArrayList<>();
        // one pass over the pages: each iteration of the result would send the request again
        call("read user and revocations", () -> {
            client.batchGetItem(request).forEach(page -> {
                found.addAll(page.resultsForTable(users));
                page.resultsForTable(revocations).stream().filter(item -> item.liveAt(at)).forEach(live::add);
            });
            return null;
        });
        boolean userLive = found.stream().map(UserItem::toUser)
                .anyMatch(account -> !account.signedOutSince(refresh.sessionStart()));
        boolean userRevoked = live.stream().anyMatch(item -> item.pk.startsWith(RevocationItem.USER_PREFIX));
        if (!userLive || userRevoked) {
            return SpendOutcome.USER_GONE;
        }
        return live.isEmpty() ? null : SpendOutcome.ALREADY_SPENT;
    }

    @Override
    public void noteUncertainSpend(TokenClaims refresh, Instant until) {
        try {
            DynamoCalls.run("note uncertain spend", () -> revocations.putItem(RevocationItem.of(
                    RevocationItem.UNCERTAIN_SPEND_PREFIX + refresh.jti(), refresh.userId(), until)));
        } catch (RuntimeException storageStillFailing) {
            // then the retry is taken for a replay, as it was before this note existed
        }
    }

    @Override
    public boolean spendWasUncertain(TokenClaims refresh) {
        RevocationItem item = call("read uncertain spend", () -> revocations.getItem(r -> r
                .key(key(RevocationItem.UNCERTAIN_SPEND_PREFIX + refresh.jti())).consistentRead(true)));
        return item != null && item.liveAt(clock.instant());
    }

    /**
     * Moves the token's family to the next generation under `spendable` (warm-ups send it under a condition never
     * met), naming the spend call (`spendId`, random per call: the SDK sends its retries with the same). The item
     * is kept as long as a family revocation: past the `exp` of any token of the family.
     */
    UpdateItemEnhancedRequest<RevocationItem> spendRequest(TokenClaims refresh, Instant at, Expression spendable,
                                                           String spendId) {
        RevocationItem next = RevocationItem.of(RevocationItem.FAMILY_PREFIX + refresh.family(), refresh.userId(),
                at.plus(TokenService.LONGEST_REFRESH_LIFETIME).plus(TokenService.CLOCK_MARGIN));
        next.generation = refresh.generation() + 1;
        next.spendId = spendId;
        return UpdateItemEnhancedRequest.builder(RevocationItem.class)
                .item(next).ignoreNulls(true).conditionExpression(spendable).build();
    }

    /**
     * The family is at the token's generation: for generation 0, no live family item yet (a login writes none);
     * else the item's `gen` equals it. A revoked family (no `gen`) or one already past it fails.
     */
    static Expression spendable(TokenClaims refresh, Instant at) {
        if (refresh.generation() == 0) {
            return absentOrExpired(at.getEpochSecond());
        }
        return Expression.builder().expression("#gen = :gen")
                .putExpressionName("#gen", RevocationItem.GENERATION)
                .putExpressionValue(":gen", AttributeValue.fromN(Long.toString(refresh.generation())))
                .build();
    }

    @Override
    public boolean revokeFamily(String family, String userId, Instant until) {
        return putFamilyRevocation(
                revokeFamilyRequest(family, userId, until, notRevoked(clock.instant().getEpochSecond())));
    }

    /** False, nothing written, when the family was revoked already (or, for warm-ups, the condition never holds). */
    boolean putFamilyRevocation(PutItemEnhancedRequest<RevocationItem> request) {
        try {
            DynamoCalls.run("revoke family", () -> revocations.putItem(request));
            return true;
        } catch (ConditionalCheckFailedException alreadyRevoked) {
            return false;
        }
    }

    /**
     * `notYetRevoked` guards the write (warm-ups send it under a condition never met). The item written has no
     * generation: it replaces a live family's, so a spend racing it fails its condition.
     */
    PutItemEnhancedRequest<RevocationItem> revokeFamilyRequest(String family, String userId, Instant until,
                                                               Expression notYetRevoked) {
        return PutItemEnhancedRequest.builder(RevocationItem.class)
                .item(RevocationItem.of(RevocationItem.FAMILY_PREFIX + family, userId, until))
                .conditionExpression(notYetRevoked).build();
    }

    @Override
    public boolean isRevoked(TokenClaims refresh) {
        Instant now = clock.instant();
        String familyKey = RevocationItem.FAMILY_PREFIX + refresh.family();
        List<Key> keys = List.of(
                key(RevocationItem.TOKEN_PREFIX + refresh.jti()),
                key(familyKey),
                key(RevocationItem.USER_PREFIX + refresh.userId()));
        ReadBatch.Builder<RevocationItem> batch = ReadBatch.builder(RevocationItem.class).mappedTableResource(revocations);
        keys.forEach(k -> batch.addGetItem(r -> r.key(k).consistentRead(true)));
        return call("read revocations", () -> client.batchGetItem(BatchGetItemEnhancedRequest.builder()
                        .readBatches(batch.build()).build())
                .resultsForTable(revocations).stream().anyMatch(item -> familyKey.equals(item.pk)
                        ? item.revokesFamily(now) || item.spent(refresh.generation(), now)
                        : item.liveAt(now)));
    }

    DynamoDbEnhancedClient client() {
        return client;
    }

    DynamoDbTable<RevocationItem> table() {
        return revocations;
    }

    /** "Not revoked": no live family item, or a live one at some generation. */
    static Expression notRevoked(long nowEpochSecond) {
        return Expression.join(absentOrExpired(nowEpochSecond),
                Expression.builder().expression("attribute_exists(#gen)")
                        .putExpressionName("#gen", RevocationItem.GENERATION).build(), " OR ");
    }

    static Key key(String pk) {
        return Key.builder().partitionValue(pk).build();
    }
}
