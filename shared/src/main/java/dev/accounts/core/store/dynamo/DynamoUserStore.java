package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absent;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.failedAt;
import static dev.accounts.core.store.dynamo.DynamoCalls.onlyConditionsFailed;

import dev.accounts.core.account.EmailKeys;
import dev.accounts.core.account.User;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.store.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link UserStore} on the users table, with the revoked-tokens table joined into account deletion. */
public final class DynamoUserStore implements UserStore {
    private final DynamoDbClient lowLevel;
    private final String usersTable;
    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<UserItem> users;
    private final Supplier<String> revokedTokensTable;
    private volatile DynamoDbTable<RevocationItem> revocations;

    /**
     * {@code revokedTokensTable} is asked for only by account deletion, so functions that never delete (login,
     * sign-up) are not given that table's name.
     */
    public DynamoUserStore(DynamoDbClient lowLevel, String usersTable, Supplier<String> revokedTokensTable) {
        this.lowLevel = lowLevel;
        this.usersTable = usersTable;
        this.client = DynamoDbEnhancedClient.builder().dynamoDbClient(lowLevel).build();
        this.users = client.table(usersTable, UserItem.SCHEMA);
        this.revokedTokensTable = revokedTokensTable;
    }

    @Override
    public void create(User user) throws UsernameTakenException {
        submitCreate(createRequest(user, absent()));
    }

    /** The sign-up transaction, its cancellation reasons read: name taken, id of a deleted account, or a fault. */
    void submitCreate(TransactWriteItemsEnhancedRequest request) throws UsernameTakenException {
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

    /**
     * The sign-up transaction; `nameFree` guards the username claim (warm-ups send it under a condition never met).
     * The tombstone check matters for ids derived from elsewhere (the Django import): a deleted one never returns.
     */
    TransactWriteItemsEnhancedRequest createRequest(User user, Expression nameFree) {
        return TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(UserItem.usernameClaim(user)).conditionExpression(nameFree).build())
                .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                        .item(UserItem.account(user)).conditionExpression(absent()).build())
                .addConditionCheck(users, ConditionCheck.builder()
                        .key(key(UserItem.GONE_PREFIX + user.id())).conditionExpression(absent()).build())
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
                .addPutItem(users, UserItem.tombstone(user.id()))
                .build();
    }

    @Override
    public void replacePasswordHash(User user, String expectedOldHash) {
        UserItem change = UserItem.keyOf(user.id());
        change.passwordHash = user.passwordHash();
        // Someone changed or deleted the account meanwhile: their change stands.
        update("replace password hash", change, hashStill(expectedOldHash));
    }

    @Override
    public boolean changePassword(User user, String expectedOldHash, String newHash, Instant sessionsEndedAt) {
        UserItem change = UserItem.keyOf(user.id());
        change.passwordHash = newHash;
        change.sessionsEndedAt = sessionsEndedAt.toEpochMilli();
        return update("change password", change, hashStill(expectedOldHash));
    }

    @Override
    public boolean endSessions(String userId, Instant at) {
        UserItem change = UserItem.keyOf(userId);
        change.sessionsEndedAt = at.toEpochMilli();
        return update("end sessions", change, DynamoCalls.present());
    }

    @Override
    public boolean updateProfile(User updated) {
        UserItem whole = UserItem.account(updated);
        UserItem change = UserItem.keyOf(updated.id());
        change.email = whole.email;
        change.emailKey = whole.emailKey;
        change.emailVerified = whole.emailVerified;
        change.firstName = whole.firstName;
        change.lastName = whole.lastName;
        if (change.emailKey == null) {
            // An address removed: its index key goes too (an update that ignores nulls would keep the old one).
            return removeEmailKey(change);
        }
        return update("update profile", change, DynamoCalls.present());
    }

    @Override
    public List<User> findByEmail(String emailKey) {
        List<String> ids = call("find users by e-mail", () -> users.index(UserItem.EMAIL_INDEX)
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(emailKey))).build())
                .stream().flatMap(page -> page.items().stream()).map(item -> item.pk).toList());
        // The index is eventually consistent and holds keys only: each account is read as it is now.
        return ids.stream().filter(pk -> pk.startsWith(UserItem.USER_PREFIX))
                .map(pk -> get(pk).map(UserItem::toUser))
                .flatMap(Optional::stream)
                .filter(user -> emailKey.equals(EmailKeys.of(user.email())))
                .toList();
    }

    /** The enhanced client removes an attribute only by rewriting the whole item: a plain REMOVE instead. */
    private boolean removeEmailKey(UserItem change) {
        if (!update("update profile", change, DynamoCalls.present())) {
            return false;
        }
        try {
            DynamoCalls.run("update profile", () -> lowLevel.updateItem(r -> r.tableName(usersTable)
                    .key(Map.of("pk", AttributeValue.fromS(change.pk)))
                    .updateExpression("REMOVE #key")
                    .conditionExpression("attribute_exists(pk) AND #email = :empty")
                    .expressionAttributeNames(Map.of("#key", UserItem.EMAIL_KEY, "#email", "email"))
                    .expressionAttributeValues(Map.of(":empty", AttributeValue.fromS("")))));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return true; // a newer change set an address (and its key): it stands
        }
    }

    /** Writes only the attributes set on `change`, if `condition` holds; false when it does not. */
    private boolean update(String operation, UserItem change, Expression condition) {
        try {
            call(operation, () -> users.updateItem(UpdateItemEnhancedRequest.builder(UserItem.class)
                    .item(change).ignoreNulls(true).conditionExpression(condition).build()));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private static Expression hashStill(String expectedHash) {
        return Expression.builder()
                .expression("password_hash = :old")
                .putExpressionValue(":old", AttributeValue.fromS(expectedHash))
                .build();
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
