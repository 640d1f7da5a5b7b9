package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The repository's own template.yaml, as the tests and the local API create its tables. */
class TemplateTablesTest {

    @Test
    void theUsersTableHasTheEmailIndexTheResetAndResendFunctionsQuery() {
        assumeTrue(MotoServer.findOnPath(MotoServer.EXECUTABLE).isPresent(), "moto_server is not on PATH");
        SamTemplate template = SamTemplate.load(SamTemplate.locateFile(Path.of(System.getProperty("user.dir"))));
        try (LocalEngine engine = DynamoEndpoints.startMoto(); DynamoDbClient dynamo = engine.dynamoDbClient()) {
            LocalTables.create(dynamo, template, Map.of("UsersTable", "users-template"));
            GlobalSecondaryIndexDescription index = dynamo.describeTable(r -> r.tableName("users-template"))
                    .table().globalSecondaryIndexes().get(0);
            assertEquals("EmailIndex", index.indexName());
            assertEquals("email_key", index.keySchema().get(0).attributeName());
            assertEquals(1, index.keySchema().size(), "a partition key only");
            assertEquals(ProjectionType.KEYS_ONLY, index.projection().projectionType());
        }
    }
}
