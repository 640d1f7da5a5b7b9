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

    private final DynamoDbClient client;
    private final String table;

    public DynamoMailQuotaStore(DynamoDbClient client, String usersTable) {
        this.client = client;
        this.table = usersTable;
    }

    @Override
    public boolean reserve(Purpose purpose, String userId, Instant now) {
        long day = now.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        Map<String, AttributeValue> values = Map.of(":now", n(now.toEpochMilli()),
                ":earliest", n(now.minus(MIN_INTERVAL).toEpochMilli()), ":day", n(day), ":max", n(PER_DAY),
                ":one", n(1), ":forget", n(now.plus(Duration.ofDays(2)).getEpochSecond()));
        try {
            call("reserve e-mail", () -> client.updateItem(r -> r.tableName(table).key(key(purpose, userId))
                    .updateExpression("SET #last = :now ADD #sent :one")
                    .conditionExpression("#day = :day AND #last <= :earliest AND #sent < :max")
                    .expressionAttributeNames(Map.of("#last", "last_sent_at", "#day", "day", "#sent", "sent"))
                    .expressionAttributeValues(Map.of(":now", values.get(":now"), ":earliest", values.get(":earliest"),
                            ":day", values.get(":day"), ":max", values.get(":max"), ":one", values.get(":one")))));
            return true;
        } catch (ConditionalCheckFailedException notTodaysOrOverQuota) {
            // the first e-mail of the day (or ever) starts the day's count; any other refusal stands
        }
        try {
            call("reserve e-mail", () -> client.updateItem(r -> r.tableName(table).key(key(purpose, userId))
                    .updateExpression("SET #last = :now, #day = :day, #sent = :one, #exp = :forget")
                    .conditionExpression("attribute_not_exists(pk) OR (#day < :day AND #last <= :earliest)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":now", values.get(":now"), ":earliest", values.get(":earliest"),
                            ":day", values.get(":day"), ":one", values.get(":one"), ":forget", values.get(":forget")))));
            return true;
        } catch (ConditionalCheckFailedException overQuota) {
            return false;
        }
    }

    @Override
    public void release(Purpose purpose, String userId, Instant reservedAt) {
        try {
            call("release e-mail", () -> client.updateItem(r -> r.tableName(table).key(key(purpose, userId))
                    .updateExpression("SET #last = :zero ADD #sent :minusOne")
                    .conditionExpression("#last = :reserved")
                    .expressionAttributeNames(Map.of("#last", "last_sent_at", "#sent", "sent"))
                    .expressionAttributeValues(Map.of(":zero", n(0), ":minusOne", n(-1),
                            ":reserved", n(reservedAt.toEpochMilli())))));
        } catch (ConditionalCheckFailedException anotherReservationSince) {
            // a later e-mail took the slot: nothing to give back
        }
    }

    private static Map<String, AttributeValue> key(Purpose purpose, String userId) {
        return Map.of("pk", AttributeValue.fromS(PREFIX + purpose.name() + "#" + userId));
    }
}
