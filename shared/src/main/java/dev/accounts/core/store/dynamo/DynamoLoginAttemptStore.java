package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.n;
import static dev.accounts.core.store.dynamo.DynamoCalls.number;
import static dev.accounts.core.store.dynamo.DynamoCalls.run;

import dev.accounts.core.store.LoginAttemptStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Login counters (pk from {@link LoginAttemptKeys}) in the users table, expiring through its TTL. The
 * low-level client is used here for the compare-and-set on the count, which the enhanced client's update does not
 * express with a computed lock.
 */
public final class DynamoLoginAttemptStore implements LoginAttemptStore {
    private static final Map<String, String> NAMES = Map.of("#f", "failures", "#exp", "expires_at", "#lock", "locked_until");
    private static final Map<String, String> COUNT_NAMES = Map.of("#f", "failures", "#exp", "expires_at");

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
    public boolean reserve(String usernameKey, Attempts seen, Instant lockUntil, Instant forgetAt) {
        return applied(reserveRequest(usernameKey, seen, lockUntil, forgetAt));
    }

    @Override
    public OptionalLong increment(String usernameKey, long ceiling, Instant forgetAt) {
        return countIfApplied(incrementRequest(usernameKey, ceiling, forgetAt));
    }

    @Override
    public void reset(String usernameKey) {
        delete(resetRequest(usernameKey));
    }

    /** A compare-and-set: false, nothing written, when another attempt changed the counter first. */
    boolean applied(UpdateItemRequest reserve) {
        return call("reserve login attempt", () -> {
            try {
                client.updateItem(reserve);
                return true;
            } catch (ConditionalCheckFailedException anotherAttemptFirst) {
                return false;
            }
        });
    }

    /** An increment: the new count, or empty (nothing written) when its condition does not hold. */
    OptionalLong countIfApplied(UpdateItemRequest increment) {
        return call("count login attempt", () -> {
            try {
                return OptionalLong.of(number(client.updateItem(increment).attributes(), "failures"));
            } catch (ConditionalCheckFailedException noLiveCounterBelowTheCeiling) {
                return OptionalLong.empty();
            }
        });
    }

    void delete(DeleteItemRequest reset) {
        run("reset login attempts", () -> client.deleteItem(reset));
    }

    /** The compare-and-set on the count {@code seen}; the lock set in the same write when given. */
    UpdateItemRequest reserveRequest(String usernameKey, Attempts seen, Instant lockUntil, Instant forgetAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", n(seen.failures() + 1));
        values.put(":forget", n(forgetAt.getEpochSecond()));
        values.put(":now", n(clock.instant().getEpochSecond()));
        String condition;
        if (seen.failures() == 0) {
            // none yet, or one TTL has not removed: starts again from one rather than adding to stale counts
            condition = "attribute_not_exists(#f) OR #exp <= :now";
        } else {
            condition = "#f = :seen AND #exp > :now";
            values.put(":seen", n(seen.failures()));
        }
        String update = "SET #f = :next, #exp = :forget";
        if (lockUntil == null) {
            update += " REMOVE #lock";
        } else {
            update += ", #lock = :until";
            values.put(":until", n(lockUntil.getEpochSecond()));
        }
        return UpdateItemRequest.builder().tableName(table).key(key(usernameKey)).updateExpression(update)
                .conditionExpression(condition).expressionAttributeNames(NAMES).expressionAttributeValues(values)
                .build();
    }

    /** The atomic increment of a live count below {@code ceiling}, answering the new count. */
    UpdateItemRequest incrementRequest(String usernameKey, long ceiling, Instant forgetAt) {
        return UpdateItemRequest.builder().tableName(table).key(key(usernameKey))
                .updateExpression("SET #f = #f + :one, #exp = :forget")
                .conditionExpression("#f < :ceiling AND #exp > :now")
                .expressionAttributeNames(COUNT_NAMES)
                .expressionAttributeValues(Map.of(":one", n(1), ":ceiling", n(ceiling),
                        ":forget", n(forgetAt.getEpochSecond()), ":now", n(clock.instant().getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW)
                .build();
    }

    DeleteItemRequest resetRequest(String usernameKey) {
        return DeleteItemRequest.builder().tableName(table).key(key(usernameKey)).build();
    }

    private Map<String, AttributeValue> key(String usernameKey) {
        return keys.key(usernameKey);
    }
}
