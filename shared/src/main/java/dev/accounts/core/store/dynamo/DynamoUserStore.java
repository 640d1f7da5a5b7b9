package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absent;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.failedAt;
import static dev.accounts.core.store.dynamo.DynamoCalls.onlyConditionsFailed;

import dev.accounts.core.account.Nobody;
import dev.accounts.core.account.User;
import dev.accounts.core.store.StorageUnavailableException;
import dev.accounts.core.store.UserStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link UserStore} on the users table, with the revoked-tokens table joined into account deletion. */
public final class DynamoUserStore implements UserStore {
    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<UserItem> users;
    private final DynamoDbTable<RevocationItem> revocations;

    public DynamoUserStore(DynamoDbEnhancedClient client, String usersTable, String revokedTokensTable) {
        this.client = client;
        this.users = client.table(usersTable, UserItem.SCHEMA);
        this.revocations = client.table(revokedTokensTable, RevocationItem.SCHEMA);
    }

    @Override
    public void create(User user) throws UsernameTakenException {
        create(user, absent());
    }

    /**
     * `nameFree` guards the username claim: {@code absent()} for real, {@code never(absent())} in priming. The
     * tombstone check matters for ids derived from elsewhere (the Django import): a deleted one never returns.
     */
    private void create(User user, Expression nameFree) throws UsernameTakenException {
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(UserItem.usernameClaim(user)).conditionExpression(nameFree).build())
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(UserItem.account(user)).conditionExpression(absent()).build())
                .addConditionCheck(users, ConditionCheck.builder()
                        .key(key(UserItem.GONE_PREFIX + user.id())).conditionExpression(absent()).build())
                .build();
        try {
            call("create user", () -> client.transactWriteItems(request));
        } catch (TransactionCanceledException e) {
            if (failedAt(e, 0)) {
                throw new UsernameTakenException();
            }
            if (failedAt(e, 2)) {
                throw new AccountDeletedException();
            }
            throw new StorageUnavailableException("create user", e);
        }
    }

    @Override
    public Optional<User> findById(String id) {
        return get(UserItem.USER_PREFIX + id).map(UserItem::toUser);
    }

    @Override
    public Optional<User> findByUsernameKey(String usernameKey) {
        return get(UserItem.NAME_PREFIX + usernameKey).flatMap(claim -> findById(claim.userId));
    }

    @Override
    public boolean wasDeleted(String id) {
        return get(UserItem.GONE_PREFIX + id).isPresent();
    }

    @Override
    public boolean usernameKeyTaken(String usernameKey) {
        return get(UserItem.NAME_PREFIX + usernameKey).isPresent();
    }

    @Override
    public boolean deleteRevokingTokens(User user, Instant revokeUntil) {
        Expression stillOwnsName = Expression.builder()
                .expression("user_id = :id")
                .putExpressionValue(":id", AttributeValue.fromS(user.id()))
                .build();
        TransactWriteItemsEnhancedRequest request = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(users, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(UserItem.USER_PREFIX + user.id())).conditionExpression(DynamoCalls.present()).build())
                .addDeleteItem(users, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(UserItem.NAME_PREFIX + user.usernameKey())).conditionExpression(stillOwnsName).build())
                .addPutItem(revocations, RevocationItem.of(RevocationItem.USER_PREFIX + user.id(), user.id(), revokeUntil))
                .addPutItem(users, UserItem.tombstone(user.id()))
                .build();
        try {
            call("delete user", () -> client.transactWriteItems(request));
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw new StorageUnavailableException("delete user", e);
        }
    }

    @Override
    public void primeDelete(Instant revokeUntil) {
        deleteRevokingTokens(Nobody.user(), revokeUntil); // cancelled whole: Nobody's items do not exist
        DynamoAnswers.transactionWritten();
    }

    @Override
    public void replacePasswordHash(User user, String expectedOldHash) {
        UserItem item = UserItem.account(user);
        Expression unchanged = Expression.builder()
                .expression("password_hash = :old")
                .putExpressionValue(":old", AttributeValue.fromS(expectedOldHash))
                .build();
        try {
            call("replace password hash", () -> users.updateItem(UpdateItemEnhancedRequest.builder(UserItem.class)
                    .item(item).conditionExpression(unchanged).build()));
        } catch (ConditionalCheckFailedException e) {
            // Someone changed or deleted the account meanwhile: their change stands.
        }
    }

    @Override
    public void primeReads() {
        User nobody = Nobody.user();
        findById(nobody.id());
        Map<String, AttributeValue> found = UserItem.SCHEMA.itemToMap(UserItem.account(nobody), true);
        DynamoAnswers.found(found);
        UserItem.SCHEMA.mapToItem(found).toUser();
    }

    @Override
    public void primeCreate() {
        try {
            create(Nobody.user(), DynamoCalls.never(absent()));
        } catch (UsernameTakenException refusedAsIntended) {
            // the claim's condition never holds
        }
        DynamoAnswers.transactionWritten();
    }

    private Optional<UserItem> get(String pk) {
        return Optional.ofNullable(call("read user", () -> users.getItem(GetItemEnhancedRequest.builder()
                .key(key(pk)).consistentRead(true).build())));
    }

    private static Key key(String pk) {
        return Key.builder().partitionValue(pk).build();
    }
}
