package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absentOrExpired;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.failedAt;
import static dev.accounts.core.store.dynamo.DynamoCalls.onlyConditionsFailed;

import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link RevocationStore} on the revoked-tokens table; spending also checks the user still exists. */
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

    @Override
    public SpendOutcome spend(TokenClaims refresh, Instant at) {
        TransactWriteItemsEnhancedRequest request = spendRequest(refresh, at);
        try {
            call("spend refresh token", () -> client.transactWriteItems(request));
            return SpendOutcome.SPENT;
        } catch (TransactionCanceledException e) {
            if (!onlyConditionsFailed(e)) {
                throw new StorageUnavailableException("spend refresh token", e);
            }
            if (failedAt(e, 3) || failedAt(e, 2)) {
                return SpendOutcome.USER_GONE;
            }
            if (failedAt(e, 1)) {
                return SpendOutcome.REVOKED;
            }
            return SpendOutcome.ALREADY_SPENT;
        }
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

    TransactWriteItemsEnhancedRequest spendRequest(TokenClaims refresh, Instant at) {
        long now = at.getEpochSecond();
        // One transaction: mark the token spent only if it is unspent, its family and user are not revoked,
        // and the user still exists. Two concurrent spends cannot both pass the first condition.
        return TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(revocations, TransactPutItemEnhancedRequest.builder(RevocationItem.class)
                        // kept past the token's expiry by the clock margin: at its last valid instant, and on a
                        // clock a little behind, the token is still known as spent
                        .item(RevocationItem.of(RevocationItem.TOKEN_PREFIX + refresh.jti(), refresh.userId(),
                                refresh.expiresAt().plus(TokenService.CLOCK_MARGIN)))
                        .conditionExpression(absentOrExpired(now)).build())
                .addConditionCheck(revocations, ConditionCheck.builder()
                        .key(key(RevocationItem.FAMILY_PREFIX + refresh.family()))
                        .conditionExpression(absentOrExpired(now)).build())
                .addConditionCheck(revocations, ConditionCheck.builder()
                        .key(key(RevocationItem.USER_PREFIX + refresh.userId()))
                        .conditionExpression(absentOrExpired(now)).build())
                .addConditionCheck(users, ConditionCheck.builder()
                        .key(key(UserItem.USER_PREFIX + refresh.userId()))
                        .conditionExpression(liveAndNotSignedOutSince(refresh.issuedAt())).build())
                .build();
    }

    @Override
    public boolean revokeFamily(String family, String userId, Instant until) {
        return putFamilyRevocation(
                revokeFamilyRequest(family, userId, until, absentOrExpired(clock.instant().getEpochSecond())));
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

    /** `notYetRevoked` guards the write (warm-ups send it under a condition never met). */
    PutItemEnhancedRequest<RevocationItem> revokeFamilyRequest(String family, String userId, Instant until,
                                                               Expression notYetRevoked) {
        return PutItemEnhancedRequest.builder(RevocationItem.class)
                .item(RevocationItem.of(RevocationItem.FAMILY_PREFIX + family, userId, until))
                .conditionExpression(notYetRevoked).build();
    }

    @Override
    public boolean isRevoked(TokenClaims refresh) {
        Instant now = clock.instant();
        List<Key> keys = List.of(
                key(RevocationItem.TOKEN_PREFIX + refresh.jti()),
                key(RevocationItem.FAMILY_PREFIX + refresh.family()),
                key(RevocationItem.USER_PREFIX + refresh.userId()));
        ReadBatch.Builder<RevocationItem> batch = ReadBatch.builder(RevocationItem.class).mappedTableResource(revocations);
        keys.forEach(k -> batch.addGetItem(r -> r.key(k).consistentRead(true)));
        return call("read revocations", () -> client.batchGetItem(BatchGetItemEnhancedRequest.builder()
                        .readBatches(batch.build()).build())
                .resultsForTable(revocations).stream().anyMatch(item -> item.liveAt(now)));
    }

    DynamoDbEnhancedClient client() {
        return client;
    }

    DynamoDbTable<RevocationItem> table() {
        return revocations;
    }

    /** The user exists and has not signed out everywhere since the token was issued. */
    private static Expression liveAndNotSignedOutSince(Instant issuedAt) {
        return Expression.builder()
                .expression("attribute_exists(pk) AND (attribute_not_exists(#ended) OR #ended <= :issued)")
                .putExpressionName("#ended", UserItem.SESSIONS_ENDED_AT)
                .putExpressionValue(":issued", AttributeValue.fromN(Long.toString(issuedAt.toEpochMilli())))
                .build();
    }

    static Key key(String pk) {
        return Key.builder().partitionValue(pk).build();
    }
}
