package dev.accounts.devkit;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table as the template declares it. {@code tableName} is the TableName property when the
 * template sets a literal one; otherwise CloudFormation generates it, and local runners choose their own.
 */
public record TableSpec(String logicalId, Optional<String> tableName, KeyAttribute partitionKey,
                        Optional<KeyAttribute> sortKey, Optional<String> ttlAttribute,
                        List<IndexSpec> globalSecondaryIndexes) {
}
