package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absent;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.failedAt;
import static dev.accounts.core.store.dynamo.DynamoCalls.onlyConditionsFailed;

import dev.accounts.core.account.User;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.store.UserStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
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
    private final Supplier<String> revokedTokensTable;
    private volatile DynamoDbTable<RevocationItem> revocations;

    /**
     * {@code revokedTokensTable} is asked for only by account deletion, so functions that never delete (login,
     * sign-up) are not given that table's name.
     */
    public DynamoUserStore(DynamoDbEnhancedClient client, String usersTable, Supplier<String> revokedTokensTable) {
        this.client = client;
        this.users = client.table(usersTable, UserItem.SCHEMA);
        this.revokedTokensTable = revokedTokensTable;
    }

    @Override
    public void create(User user) throws UsernameTakenException {
        TransactWriteItemsEnhancedRequest request = createRequest(user, absent());
        try {
            call("create user", () -> client.transactWriteItems(request));
        } catch (TransactionCanceledException e) {
            if (failedAt(e, 0)) {
                throw new UsernameTakenException();
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
    public boolean usernameKeyTaken(String usernameKey) {
        return get(UserItem.NAME_PREFIX + usernameKey).isPresent();
    }

    /** The sign-up transaction; `nameFree` guards the username claim (warm-ups send it under a condition never met). */
    TransactWriteItemsEnhancedRequest createRequest(User user, Expression nameFree) {
        return TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(UserItem.usernameClaim(user)).conditionExpression(nameFree).build())
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(UserItem.account(user)).conditionExpression(absent()).build())
                .build();
    }

    @Override
    public boolean deleteRevokingTokens(User user, Instant revokeUntil) {
        TransactWriteItemsEnhancedRequest request = deleteRequest(user, revokeUntil);
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

    TransactWriteItemsEnhancedRequest deleteRequest(User user, Instant revokeUntil) {
        Expression stillOwnsName = Expression.builder()
                .expression("user_id = :id")
                .putExpressionValue(":id", AttributeValue.fromS(user.id()))
                .build();
        return TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(users, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(UserItem.USER_PREFIX + user.id())).conditionExpression(DynamoCalls.present()).build())
                .addDeleteItem(users, TransactDeleteItemEnhancedRequest.builder()
                        .key(key(UserItem.NAME_PREFIX + user.usernameKey())).conditionExpression(stillOwnsName).build())
                .addPutItem(revocations(), RevocationItem.of(RevocationItem.USER_PREFIX + user.id(), user.id(), revokeUntil))
                .build();
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

    private Optional<UserItem> get(String pk) {
        return Optional.ofNullable(call("read user", () -> users.getItem(GetItemEnhancedRequest.builder()
                .key(key(pk)).consistentRead(true).build())));
    }

    private DynamoDbTable<RevocationItem> revocations() {
        if (revocations == null) {
            revocations = client.table(revokedTokensTable.get(), RevocationItem.SCHEMA);
        }
        return revocations;
    }

    DynamoDbEnhancedClient client() {
        return client;
    }

    private static Key key(String pk) {
        return Key.builder().partitionValue(pk).build();
    }
}
