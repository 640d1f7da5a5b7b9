package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.n;
import static dev.accounts.core.store.dynamo.DynamoCalls.number;
import static dev.accounts.core.store.dynamo.DynamoCalls.run;

import dev.accounts.core.store.LoginAttemptStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Login counters (pk from {@link LoginAttemptKeys}) in the users table, expiring through its TTL. The
 * low-level client is used here because the count must be an atomic ADD, which the enhanced client's put/update
 * do not express.
 */
public final class DynamoLoginAttemptStore implements LoginAttemptStore {
    private static final Map<String, String> NAMES = Map.of("#f", "failures", "#exp", "expires_at", "#lock", "locked_until");

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final LoginAttemptKeys keys;

    public DynamoLoginAttemptStore(DynamoDbClient client, String usersTable, Clock clock, LoginAttemptKeys keys) {
        this.client = client;
        this.table = usersTable;
        this.clock = clock;
        this.keys = keys;
    }

    @Override
    public Attempts current(String usernameKey) {
        GetItemResponse response = call("read login attempts", () -> client.getItem(r -> r.tableName(table)
                .key(key(usernameKey)).consistentRead(true)));
        Map<String, AttributeValue> item = response.item();
        if (item == null || item.isEmpty() || number(item, "expires_at") <= clock.instant().getEpochSecond()) {
            return Attempts.NONE;
        }
        return new Attempts(number(item, "failures"), Instant.ofEpochSecond(number(item, "locked_until")));
    }

    @Override
    public long recordFailure(String usernameKey, Instant forgetAt) {
        long now = clock.instant().getEpochSecond();
        // An expired counter that TTL has not yet removed starts again from zero rather than adding to stale counts.
        var response = call("record login failure", () -> {
            try {
                return client.updateItem(r -> r.tableName(table).key(key(usernameKey))
                        .updateExpression("ADD #f :one SET #exp = :forget")
                        .conditionExpression("attribute_not_exists(#exp) OR #exp > :now")
                        .expressionAttributeNames(Map.of("#f", "failures", "#exp", "expires_at"))
                        .expressionAttributeValues(Map.of(":one", n(1), ":forget", n(forgetAt.getEpochSecond()),
                                ":now", n(now)))
                        .returnValues(ReturnValue.UPDATED_NEW));
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException stale) {
                return client.updateItem(r -> r.tableName(table).key(key(usernameKey))
                        .updateExpression("SET #f = :one, #exp = :forget REMOVE #lock")
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(Map.of(":one", n(1), ":forget", n(forgetAt.getEpochSecond())))
                        .returnValues(ReturnValue.UPDATED_NEW));
            }
        });
        return number(response.attributes(), "failures");
    }

    @Override
    public void lockUntil(String usernameKey, Instant until) {
        run("lock login", () -> client.updateItem(r -> r.tableName(table).key(key(usernameKey))
                .updateExpression("SET #lock = :until")
                .expressionAttributeNames(Map.of("#lock", "locked_until"))
                .expressionAttributeValues(Map.of(":until", n(until.getEpochSecond())))));
    }

    @Override
    public void reset(String usernameKey) {
        run("reset login attempts", () -> client.deleteItem(r -> r.tableName(table).key(key(usernameKey))));
    }

    private Map<String, AttributeValue> key(String usernameKey) {
        return keys.key(usernameKey);
    }
}
