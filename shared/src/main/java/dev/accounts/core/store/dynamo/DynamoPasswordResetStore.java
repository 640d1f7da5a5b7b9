package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.n;
import static dev.accounts.core.store.dynamo.DynamoCalls.onlyConditionsFailed;

import dev.accounts.core.account.User;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.store.PasswordResetStore;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reset tokens as items RESET#user-id of the users table (token_hash, expires_at: TTL removes them). */
public final class DynamoPasswordResetStore implements PasswordResetStore {
    static final String PREFIX = "RESET#";

    private final DynamoDbClient client;
    private final String table;
    private final LoginAttemptKeys loginAttemptKeys;

    public DynamoPasswordResetStore(DynamoDbClient client, String usersTable, LoginAttemptKeys loginAttemptKeys) {
        this.client = client;
        this.table = usersTable;
        this.loginAttemptKeys = loginAttemptKeys;
    }

    @Override
    public void replaceToken(String userId, String tokenHash, Instant expiresAt) {
        DynamoCalls.run("store reset token", () -> client.putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(PREFIX + userId),
                "token_hash", AttributeValue.fromS(tokenHash),
                "expires_at", n(expiresAt.getEpochSecond())))));
    }

    @Override
    public boolean resetPassword(User user, String tokenHash, String newHash, Instant now) {
        TransactWriteItem spend = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(PREFIX + user.id())))
                .conditionExpression("#hash = :hash AND #exp > :now")
                .expressionAttributeNames(Map.of("#hash", "token_hash", "#exp", "expires_at"))
                .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(tokenHash),
                        ":now", n(now.getEpochSecond())))).build();
        TransactWriteItem setPassword = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(UserItem.USER_PREFIX + user.id())))
                .updateExpression("SET #hash = :new, #ended = :ended")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#hash", "password_hash", "#ended", UserItem.SESSIONS_ENDED_AT))
                .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(newHash),
                        ":ended", n(now.toEpochMilli())))).build();
        TransactWriteItem clearLockout = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(loginAttemptKeys.key(user.usernameKey()))).build();
        try {
            call("reset password", () -> client.transactWriteItems(r -> r.transactItems(spend, setPassword, clearLockout)));
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw new StorageUnavailableException("reset password", e);
        }
    }
}
