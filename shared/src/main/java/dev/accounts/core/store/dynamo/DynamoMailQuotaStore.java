package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.n;

import dev.accounts.core.store.MailQuotaStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Quotas as items MAIL#purpose#user-id of the users table: when the last e-mail went (ms), the UTC day and how
 * many went that day. Reserving is one conditional update (a second one on the first of a new day), so parallel
 * requests cannot send more than the quota between them.
 */
public final class DynamoMailQuotaStore implements MailQuotaStore {
    static final String PREFIX = "MAIL#";
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    static final int PER_DAY = 10;
    private static final Map<String, String> NAMES = Map.of("#last", "last_sent_at", "#day", "day", "#sent", "sent",
            "#exp", "expires_at");
    private static final Map<String, String> COUNT_NAMES = Map.of("#last", "last_sent_at", "#day", "day", "#sent", "sent");

    private final DynamoDbClient client;
    private final String table;

    public DynamoMailQuotaStore(DynamoDbClient client, String usersTable) {
        this.client = client;
        this.table = usersTable;
    }

    @Override
    public boolean reserve(Purpose purpose, String userId, Instant now) {
        Map<String, AttributeValue> key = key(purpose, userId);
        AttributeValue sentAt = n(now.toEpochMilli());
        AttributeValue earliest = n(now.minus(MIN_INTERVAL).toEpochMilli());
        AttributeValue day = n(now.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay());
        // Today's count goes on: refused when the item is not today's, the last e-mail too recent, or the day full.
        if (updated("reserve e-mail", key, "SET #last = :now ADD #sent :one",
                "#day = :day AND #last <= :earliest AND #sent < :max", COUNT_NAMES,
                Map.of(":now", sentAt, ":earliest", earliest, ":day", day, ":max", n(PER_DAY), ":one", n(1)))) {
            return true;
        }
        // The first e-mail of the day (or ever) starts the day's count; any other refusal stands.
        return updated("reserve e-mail", key, "SET #last = :now, #day = :day, #sent = :one, #exp = :forget",
                "attribute_not_exists(pk) OR (#day < :day AND #last <= :earliest)", NAMES,
                Map.of(":now", sentAt, ":earliest", earliest, ":day", day, ":one", n(1),
                        ":forget", n(now.plus(Duration.ofDays(2)).getEpochSecond())));
    }

    @Override
    public void release(Purpose purpose, String userId, Instant reservedAt) {
        // False when a later e-mail took the slot since: nothing to give back then.
        updated("release e-mail", key(purpose, userId), "SET #last = :zero ADD #sent :minusOne", "#last = :reserved",
                Map.of("#last", "last_sent_at", "#sent", "sent"),
                Map.of(":zero", n(0), ":minusOne", n(-1), ":reserved", n(reservedAt.toEpochMilli())));
    }

    /** One conditional update: false, and nothing written, when its condition does not hold. */
    private boolean updated(String operation, Map<String, AttributeValue> key, String update, String condition,
                            Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            call(operation, () -> client.updateItem(r -> r.tableName(table).key(key).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException conditionNotMet) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(Purpose purpose, String userId) {
        return Map.of("pk", AttributeValue.fromS(PREFIX + purpose.name() + "#" + userId));
    }
}
