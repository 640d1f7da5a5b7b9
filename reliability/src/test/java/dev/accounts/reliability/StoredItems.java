package dev.accounts.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What a table holds, read by a full consistent scan: the tests judge the stored state, not only the answers.
 * Items are keyed by `pk`, prefixed by kind (USER#, NAME#, LOGIN#; FAM#, USER#, RETRY#).
 */
final class StoredItems {
    private final List<Map<String, AttributeValue>> items;

    private StoredItems(List<Map<String, AttributeValue>> items) {
        this.items = items;
    }

    static StoredItems scan(DynamoDbClient client, String table) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        client.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
                .items().forEach(all::add);
        return new StoredItems(all);
    }

    /** Items whose pk is exactly `pk`. */
    List<Map<String, AttributeValue>> withKey(String pk) {
        return items.stream().filter(item -> pk.equals(text(item, "pk"))).toList();
    }

    /** Items whose pk starts with `prefix` and whose `attribute` is `value`. */
    List<Map<String, AttributeValue>> where(String prefix, String attribute, String value) {
        return items.stream()
                .filter(item -> text(item, "pk").startsWith(prefix) && value.equals(text(item, attribute)))
                .toList();
    }

    boolean has(String pk) {
        return !withKey(pk).isEmpty();
    }

    /**
     * A login family's generation: how many of its refresh tokens were spent. Empty when none was (no item) or
     * the family is revoked.
     */
    OptionalLong familyGeneration(String family) {
        return withKey("FAM#" + family).stream().filter(item -> item.containsKey("gen"))
                .mapToLong(item -> Long.parseLong(item.get("gen").n())).findFirst();
    }

    /** The login family is revoked (logout, reuse): its item holds no generation. */
    boolean familyRevoked(String family) {
        return withKey("FAM#" + family).stream().anyMatch(item -> !item.containsKey("gen"));
    }

    /** Every stored password hash. */
    List<String> hashes() {
        return items.stream().map(item -> text(item, "password_hash")).filter(hash -> !hash.isEmpty()).toList();
    }

    int size() {
        return items.size();
    }

    static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null ? "" : value.s();
    }
}
