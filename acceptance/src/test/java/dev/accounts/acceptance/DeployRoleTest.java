package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/github-deploy-role.yaml, the one-time set-up the deploy workflow relies on: who may assume the role (this
 * repository's dev and prod environments, nobody else) and what it may do (the stage stacks' resources only).
 * TemplateLintTest lints it, which also checks every IAM action name.
 */
class DeployRoleTest {
    private static final Template ROLE_TEMPLATE = Template.load("docs/github-deploy-role.yaml");
    private static final JsonNode ROLE = ROLE_TEMPLATE.resource("DeployRole").path("Properties");
    /** The actions that take no resource, the only ones allowed on "*". */
    private static final Set<String> UNSCOPED_ACTIONS = Set.of("cloudformation:ValidateTemplate",
            "cloudformation:GetTemplateSummary", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
            "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups", "kms:CreateKey");

    @Test
    void onlyTheDeployWorkflowsEnvironmentsOfThisRepositoryMayAssumeTheRole() {
        JsonNode statements = ROLE.path("AssumeRolePolicyDocument").path("Statement");
        assertEquals(1, statements.size());
        JsonNode trust = statements.path(0);
        assertEquals("Allow", trust.path("Effect").asText());
        assertEquals("sts:AssumeRoleWithWebIdentity", trust.path("Action").asText());
        assertTrue(trust.path("Principal").path("Federated").toString().contains("token.actions.githubusercontent.com")
                || trust.path("Principal").path("Federated").toString().contains("GitHubOidcProvider"));
        assertEquals(Set.of("StringEquals"), names(trust.path("Condition")), "exact matches only, no wildcard");
        JsonNode equals = trust.path("Condition").path("StringEquals");
        assertEquals("sts.amazonaws.com", equals.path("token.actions.githubusercontent.com:aud").asText());
        List<String> subjects = texts(equals.path("token.actions.githubusercontent.com:sub"));
        List<String> expected = new ArrayList<>();
        for (String stage : texts(Workflow.load("deploy.yml").triggers().path("workflow_dispatch").path("inputs")
                .path("stage").path("options"))) {
            expected.add("repo:${GitHubRepository}:environment:" + stage);
        }
        assertEquals(expected, subjects, "the deploy jobs' environments are the stages");
        assertEquals("https://token.actions.githubusercontent.com",
                ROLE_TEMPLATE.resource("GitHubOidcProvider").path("Properties").path("Url").asText());
        assertEquals(List.of("sts.amazonaws.com"),
                texts(ROLE_TEMPLATE.resource("GitHubOidcProvider").path("Properties").path("ClientIdList")));
    }

    @Test
    void everyPermissionIsScopedToTheStageStacksOrTakesNoResource() {
        for (JsonNode statement : statements()) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            String sid = statement.path("Sid").asText();
            List<String> actions = textOrTexts(statement.path("Action"));
            actions.forEach(action -> assertFalse(action.contains("*"), sid + " allows a wildcard action " + action));
            for (String resource : textOrTexts(statement.path("Resource"))) {
                if (resource.equals("*")) {
                    assertTrue(UNSCOPED_ACTIONS.containsAll(actions), sid + " allows " + actions + " on everything");
                } else {
                    assertTrue(resource.contains("${StackNamePrefix}-") || resource.contains("aws-sam-cli-managed-default")
                                    || resource.contains(":transform/Serverless-") || resource.contains("SigningKeySecret-")
                                    || resource.contains("SigningPublicKeySecret-")
                                    || resource.contains(":apigateway:${AWS::Region}::/")
                                    || stackNameTagged(statement),
                            sid + " reaches beyond the stage stacks: " + resource);
                }
            }
        }
    }

    /** Resources with random ids (KMS keys), limited to those CloudFormation tagged for a stage stack. */
    private static boolean stackNameTagged(JsonNode statement) {
        return statement.path("Condition").path("StringLike").path("aws:ResourceTag/aws:cloudformation:stack-name")
                .asText().equals("${StackNamePrefix}-*");
    }

    @Test
    void functionRolesArePassedToLambdaOnlyAndTheRoleCannotChangeItself() {
        JsonNode passRole = statement("PassFunctionRolesToLambdaOnly");
        assertEquals("iam:PassRole", passRole.path("Action").asText());
        assertEquals("lambda.amazonaws.com", passRole.path("Condition").path("StringEquals").path("iam:PassedToService").asText());
        assertEquals(2, statement("FunctionRoleManagedPolicies").path("Condition").path("ArnEquals").path("iam:PolicyARN").size(),
                "the basic execution and X-Ray policies only");

        String roleName = ROLE.path("RoleName").asText();
        assertFalse(roleName.startsWith("${StackNamePrefix}-"), "the role's own name is outside the pattern it may change");
        JsonNode deny = statement("NeverItself");
        assertEquals("Deny", deny.path("Effect").asText());
        assertTrue(deny.path("Resource").asText().endsWith(":role/" + roleName), deny.toString());
    }

    /** The pattern the permissions match is the stacks samconfig.toml deploys. */
    @Test
    void thePermissionsMatchSamconfigsStackNames() {
        String prefix = ROLE_TEMPLATE.parameterDefault("StackNamePrefix");
        SamConfig config = SamConfig.load();
        for (String stage : List.of("dev", "prod")) {
            assertTrue(config.value(stage, "deploy", "stack_name").startsWith(prefix + "-"), stage);
        }
        assertEquals("true", config.value("dev", "deploy", "resolve_s3"), "the artifact bucket the role may use is SAM's own");
    }

    private static List<JsonNode> statements() {
        List<JsonNode> all = new ArrayList<>();
        ROLE.path("Policies").forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(all::add));
        return all;
    }

    private static JsonNode statement(String sid) {
        return statements().stream().filter(s -> sid.equals(s.path("Sid").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    private static List<String> textOrTexts(JsonNode node) {
        return node.isArray() ? texts(node) : List.of(node.asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
