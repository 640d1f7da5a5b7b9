package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * IAM as AWS applies it to the functions' calls: the permissions a call needs, and those a template policy grants.
 */
final class IamPermissions {

    /** An IAM action on a resource, named by its logical id in the template. */
    record Permission(String action, String resource) {
        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    /**
     * The actions of the SAM policy templates the template uses, as aws-sam-translator's policy_templates.json
     * defines them (the table's index ARNs aside, which these functions never touch).
     */
    private static final Map<String, Set<String>> POLICY_TEMPLATES = Map.of(
            "DynamoDBReadPolicy", Set.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
                    "dynamodb:DescribeTable"),
            "DynamoDBCrudPolicy", Set.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
                    "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
                    "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"),
            "AWSSecretsManagerGetSecretValuePolicy", Set.of("secretsmanager:GetSecretValue"),
            "KMSDecryptPolicy", Set.of("kms:Decrypt"));

    /**
     * The resource of the template's ses:SendEmail statement: any identity of the account, the sender being pinned
     * by the statement's condition (ses:FromAddress = MailFrom) instead.
     */
    static final String SES_IDENTITIES = "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*";

    /** What DynamoDBReadPolicy allows: a function that only does these needs no more. */
    static final Set<String> DYNAMODB_READS = POLICY_TEMPLATES.get("DynamoDBReadPolicy");

    /** IAM governs each part of a transaction by the action it stands for (DynamoDB's transaction-apis-iam page). */
    private static final Map<String, String> TRANSACTION_PARTS = Map.of(
            "Put", "dynamodb:PutItem",
            "Update", "dynamodb:UpdateItem",
            "Delete", "dynamodb:DeleteItem",
            "ConditionCheck", "dynamodb:ConditionCheckItem",
            "Get", "dynamodb:GetItem");

    private IamPermissions() {
    }

    /** The actions a policy of the template allows, on its target. */
    static Set<String> actions(Template.Policy policy) {
        if (policy.isInlineAction()) {
            return Set.of(policy.name());
        }
        Set<String> actions = POLICY_TEMPLATES.get(policy.name());
        if (actions == null) {
            throw new AssertionError("add the actions of SAM policy template " + policy.name() + " to " + IamPermissions.class);
        }
        return actions;
    }

    /**
     * The permissions one recorded call needs, its resources named through {@code logicalIdOf} (a table name or
     * secret id of the stack → the template's logical id). Reading a secret encrypted with a customer-managed key
     * needs kms:Decrypt on that key too (Secrets Manager calls KMS as the caller): {@code kmsKeyOf} names it.
     */
    static List<Permission> needed(AwsCallRecorder.AwsCall call, Function<String, String> logicalIdOf,
                                   Function<String, Optional<String>> kmsKeyOf) {
        String[] target = call.target().split("\\.", 2);
        String operation = target[1];
        JsonNode request = call.request();
        List<Permission> needed = new ArrayList<>();
        switch (target[0]) {
            case "secretsmanager" -> {
                String secret = logicalIdOf.apply(request.path("SecretId").asText());
                needed.add(new Permission("secretsmanager:" + operation, secret));
                kmsKeyOf.apply(secret).ifPresent(key -> needed.add(new Permission("kms:Decrypt", key)));
            }
            case "sesv2" -> needed.add(new Permission("ses:" + operation, SES_IDENTITIES));
            case "DynamoDB_20120810" -> {
                switch (operation) {
                    case "TransactWriteItems", "TransactGetItems" -> request.path("TransactItems").forEach(item ->
                            item.properties().forEach(part -> needed.add(new Permission(transactionPart(part.getKey()),
                                    logicalIdOf.apply(part.getValue().path("TableName").asText())))));
                    case "BatchGetItem", "BatchWriteItem" -> request.path("RequestItems").properties().forEach(table ->
                            needed.add(new Permission("dynamodb:" + operation, logicalIdOf.apply(table.getKey()))));
                    // a Query or Scan of an index is authorized on the index's ARN, table/<name>/index/<index>
                    default -> needed.add(new Permission("dynamodb:" + operation,
                            logicalIdOf.apply(request.path("TableName").asText())
                                    + (request.has("IndexName") ? "/index/" + request.path("IndexName").asText() : "")));
                }
            }
            default -> throw new AssertionError("a call to an AWS service the test does not know: " + call.target());
        }
        return needed;
    }

    private static String transactionPart(String part) {
        String action = TRANSACTION_PARTS.get(part);
        if (action == null) {
            throw new AssertionError("unknown transaction part " + part);
        }
        return action;
    }
}
