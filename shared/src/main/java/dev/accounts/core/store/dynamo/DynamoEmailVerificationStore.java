package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.n;
import static dev.accounts.core.store.dynamo.DynamoCalls.number;
import static dev.accounts.core.store.dynamo.DynamoCalls.onlyConditionsFailed;

import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.store.EmailVerificationStore;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Verification keys as items VERIFY#key-hash of the users table (user_id, email, expires_at: TTL removes them). */
public final class DynamoEmailVerificationStore implements EmailVerificationStore {
    static final String PREFIX = "VERIFY#";

    private final DynamoDbClient client;
    private final String table;

    public DynamoEmailVerificationStore(DynamoDbClient client, String usersTable) {
        this.client = client;
        this.table = usersTable;
    }

    @Override
    public void putKey(String keyHash, String userId, String email, Instant expiresAt) {
        DynamoCalls.run("store verification key", () -> client.putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(PREFIX + keyHash),
                "user_id", AttributeValue.fromS(userId),
                "email", AttributeValue.fromS(email),
                "expires_at", n(expiresAt.getEpochSecond())))));
    }

    @Override
    public boolean verify(String keyHash, Instant now) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(PREFIX + keyHash));
        Map<String, AttributeValue> found = call("read verification key", () -> client.getItem(r -> r.tableName(table)
                .key(key).consistentRead(true))).item();
        if (found == null || found.isEmpty() || number(found, "expires_at") <= now.getEpochSecond()) {
            return false;
        }
        String userId = found.get("user_id").s();
        AttributeValue email = found.get("email");
        // The key goes, and the flag is set only while the account still has the address the key was sent to.
        TransactWriteItem spend = TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                .conditionExpression("attribute_exists(pk) AND #exp > :now")
                .expressionAttributeNames(Map.of("#exp", "expires_at"))
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))).build();
        TransactWriteItem markVerified = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(UserItem.USER_PREFIX + userId)))
                .updateExpression("SET #verified = :yes")
                .conditionExpression("attribute_exists(pk) AND #email = :email")
                .expressionAttributeNames(Map.of("#verified", "email_verified", "#email", "email"))
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":email", email))).build();
        try {
            call("verify e-mail", () -> client.transactWriteItems(r -> r.transactItems(spend, markVerified)));
            return true;
        } catch (TransactionCanceledException e) {
            if (onlyConditionsFailed(e)) {
                return false;
            }
            throw new StorageUnavailableException("verify e-mail", e);
        }
    }
}
