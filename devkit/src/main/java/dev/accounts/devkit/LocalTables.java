package dev.accounts.devkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the template's tables on a local engine, with the key schemas, GSIs and TTL it declares. */
public final class LocalTables {

    private LocalTables() {
    }

    /**
     * Creates every table of the template (pay-per-request), named by {@code logicalIdToTableName} or, when a
     * table is not in it, by its logical id; enables TTL where declared; returns when all are ACTIVE.
     * A table that already exists is left as it is. Returns logical id → table name.
     */
    public static Map<String, String> create(DynamoDbClient client, SamTemplate template, Map<String, String> logicalIdToTableName) {
        Map<String, String> created = new LinkedHashMap<>();
        for (TableSpec table : template.tables()) {
            String name = logicalIdToTableName.getOrDefault(table.logicalId(), table.logicalId());
            try {
                client.createTable(createRequest(table, name));
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier run against the same engine: keep it
            }
            created.put(table.logicalId(), name);
        }
        for (TableSpec table : template.tables()) {
            String name = created.get(table.logicalId());
            client.waiter().waitUntilTableExists(r -> r.tableName(name));
            table.ttlAttribute().ifPresent(attribute -> client.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
        }
        return created;
    }

    /** Names unique to one run, e.g. {@code UsersTable-3f2a9c1e}, so tests sharing an engine stay apart. */
    public static Map<String, String> uniqueNames(SamTemplate template) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> names = new LinkedHashMap<>();
        template.tables().forEach(t -> names.put(t.logicalId(), t.logicalId() + "-" + suffix));
        return names;
    }

    static CreateTableRequest createRequest(TableSpec table, String name) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keySchema = keySchema(table.partitionKey(), table.sortKey().orElse(null), attributes);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexSpec index : table.globalSecondaryIndexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey().orElse(null), attributes))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.fromValue(index.projectionType()))
                            .nonKeyAttributes(index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes())
                            .build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema)
                .attributeDefinitions(attributes.entrySet().stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(a.getKey())
                                .attributeType(ScalarAttributeType.fromValue(a.getValue()))
                                .build())
                        .toList())
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
                .build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partition, KeyAttribute sort, Map<String, String> attributes) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        attributes.put(partition.name(), partition.type());
        if (sort != null) {
            schema.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
            attributes.put(sort.name(), sort.type());
        }
        return schema;
    }
}
