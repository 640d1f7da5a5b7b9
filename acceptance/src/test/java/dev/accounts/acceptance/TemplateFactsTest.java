package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a deployer relies on in template.yaml, beyond what cfn-lint can know. */
class TemplateFactsTest {

    private static final Template TEMPLATE = Template.load();
    private static final List<String> TABLES = List.of("UsersTable", "RevokedTokensTable");
    private static final String SECRET_POLICY = "AWSSecretsManagerGetSecretValuePolicy";
    private static final String KEY_POLICY = "KMSDecryptPolicy SigningKeyEncryptionKey";
    private static final String SEND_MAIL = "ses:SendEmail arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*";
    private static final String EMAIL_INDEX = "dynamodb:Query UsersTable/index/EmailIndex";

    @Test
    void declaresTheSixteenFunctionsOfTheContract() {
        assertEquals(Set.of("POST /account/create-account", "DELETE /account/delete-account/{id}", "POST /account/login",
                        "POST /account/logout", "POST /account/refresh", "POST /account/verify",
                        "GET /.well-known/jwks.json", "GET /.well-known/openid-configuration",
                        "POST /account/change-password", "POST /account/logout-all", "GET /account/me", "PATCH /account/me",
                        "POST /account/password-reset", "POST /account/password-reset/confirm", "POST /account/verify-email",
                        "POST /account/resend-email"),
                Set.copyOf(TEMPLATE.routes().stream().map(Template.Route::routeKey).toList()));
        for (Template.Route route : TEMPLATE.routes()) {
            JsonNode event = TEMPLATE.resource(route.functionId()).path("Properties").path("Events");
            event.forEach(e -> assertEquals("AccountApi", e.path("Properties").path("ApiId").asText(),
                    route + " must be on the one HTTP API"));
        }
        assertEquals("Stage", TEMPLATE.resource("AccountApi").path("Properties").path("StageName").asText(),
                "the API's stage comes from the Stage parameter");
    }

    @Test
    void everyFunctionRunsJava25() {
        for (String id : TEMPLATE.functionIds()) {
            assertEquals("java25", TEMPLATE.effective(id, "Runtime").asText(), id + " runtime");
        }
    }

    @Test
    void arm64IsDeclaredOnceInGlobals() {
        assertEquals(List.of("arm64"), texts(TEMPLATE.functionGlobals().path("Architectures")));
        for (String id : TEMPLATE.functionIds()) {
            // SAM concatenates a function's list with the Globals' one, and Lambda refuses two architectures
            assertTrue(TEMPLATE.resource(id).path("Properties").path("Architectures").isMissingNode(),
                    id + " declares Architectures again");
        }
    }

    @Test
    void everyFunctionIsPublishedWithSnapStartBehindAnAlias() {
        for (String id : TEMPLATE.functionIds()) {
            assertEquals("PublishedVersions", TEMPLATE.effective(id, "SnapStart").path("ApplyOn").asText(), id + " SnapStart");
            assertFalse(TEMPLATE.effective(id, "AutoPublishAlias").asText("").isBlank(), id + " has no AutoPublishAlias");
        }
    }

    @Test
    void everyFunctionHasMemoryAndATimeoutWithinTheApisOwn() {
        for (String id : TEMPLATE.functionIds()) {
            assertTrue(TEMPLATE.effective(id, "MemorySize").asInt() >= 512, id + " MemorySize");
            int timeout = TEMPLATE.effective(id, "Timeout").asInt();
            // an HTTP API gives up on its integration after 30 s: a longer function timeout only burns money
            assertTrue(timeout > 0 && timeout <= 30, id + " Timeout " + timeout);
        }
    }

    @Test
    void everyHandlerClassIsASourceFileOfItsFunctionModule() {
        for (String id : TEMPLATE.functionIds()) {
            String handler = TEMPLATE.effective(id, "Handler").asText();
            // A bare class name: the runtime client then calls RequestStreamHandler.handleRequest, our own fast
            // event mapping, rather than picking among the handleRequest overloads (ApiFunction has both).
            assertFalse(handler.contains("::"), id + " handler " + handler);
            String className = handler;
            Path source = Repository.file("functions/" + Template.module(id) + "/src/main/java/"
                    + className.replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), id + ": no source file " + Repository.ROOT.relativize(source));
        }
    }

    @Test
    void samBuildPackagesEachFunctionFromItsOwnModule() {
        String makefile = Repository.read("Makefile");
        for (String id : TEMPLATE.functionIds()) {
            assertEquals("makefile", TEMPLATE.resource(id).path("Metadata").path("BuildMethod").asText(), id + " BuildMethod");
            assertEquals(".", TEMPLATE.effective(id, "CodeUri").asText(), id + " CodeUri: the Makefile sits at the root");
            Matcher target = Pattern.compile("(?m)^build-" + id + ":\\s*\\n((?:\\t.*\\n?)+)").matcher(makefile);
            assertTrue(target.find(), "Makefile has no target build-" + id);
            assertTrue(target.group(1).contains("package_function," + Template.module(id) + ")"),
                    "build-" + id + " must package functions/" + Template.module(id) + ": " + target.group(1));
        }
    }

    @Test
    void everyRouteHasAnEventFile() {
        for (Template.Route route : TEMPLATE.routes()) {
            assertTrue(Files.isRegularFile(Repository.file("events/" + route.module() + ".json")),
                    route + ": no events/" + route.module() + ".json");
        }
    }

    @Test
    void theTemplateHoldsNoKeyMaterial() throws Exception {
        for (String forbidden : List.of("BEGIN", "PRIVATE KEY", "\"d\"")) {
            assertFalse(TEMPLATE.text.contains(forbidden), "template.yaml contains " + forbidden);
        }
        for (String id : List.of("SigningKeySecret", "SigningPublicKeySecret")) {
            JsonNode secret = TEMPLATE.resource(id).path("Properties");
            JsonNode initial = new ObjectMapper().readTree(secret.path("SecretString").asText());
            assertTrue(initial.path("keys").isArray() && initial.path("keys").isEmpty(),
                    id + " must start without keys; the deploy generates them: " + initial);
        }
    }

    @Test
    void theSigningKeyExistsBeforeAnyFunctionThatUsesItIsPublished() {
        JsonNode keySet = TEMPLATE.resource("SigningKeySet");
        assertEquals("KeySetGenerator.Arn", keySet.path("Properties").path("ServiceToken").asText());
        assertEquals("SigningKeySecret", keySet.path("Properties").path("SecretId").asText());
        assertEquals("SigningPublicKeySecret", keySet.path("Properties").path("PublicSecretId").asText());
        for (String id : TEMPLATE.functionIds()) {
            if (policies(id).stream().anyMatch(p -> p.startsWith(SECRET_POLICY))) {
                // SnapStart runs init when a version is published: the key must be there by then
                assertTrue(texts(TEMPLATE.resource(id).path("DependsOn")).contains("SigningKeySet")
                        || "SigningKeySet".equals(TEMPLATE.resource(id).path("DependsOn").asText()), id + " DependsOn SigningKeySet");
            }
        }
    }

    @Test
    void theUsersTableOutlivesTheStack() {
        JsonNode users = TEMPLATE.resource("UsersTable");
        assertEquals("Retain", users.path("DeletionPolicy").asText());
        assertEquals("Retain", users.path("UpdateReplacePolicy").asText());
    }

    @Test
    void theRevokedTokensTableKeepsItsRecordsWhenAnUpdateReplacesIt() {
        assertEquals("Retain", TEMPLATE.resource("RevokedTokensTable").path("UpdateReplacePolicy").asText(),
                "a new, empty table would make every revoked token usable again");
    }

    @Test
    void thePrivateKeySecretIsEncryptedWithItsOwnKeyUsableOnlyThroughSecretsManager() {
        JsonNode secret = TEMPLATE.resource("SigningKeySecret").path("Properties");
        String keyId = secret.path("KmsKeyId").asText();
        JsonNode key = TEMPLATE.resource(keyId);
        assertEquals("AWS::KMS::Key", key.path("Type").asText(), "KmsKeyId: !Ref <a customer-managed key>");
        assertTrue(key.path("Properties").path("EnableKeyRotation").asBoolean());
        for (JsonNode statement : key.path("Properties").path("KeyPolicy").path("Statement")) {
            List<String> actions = texts(statement.path("Action"));
            boolean uses = actions.stream().anyMatch(a -> a.equals("kms:Decrypt") || a.startsWith("kms:GenerateDataKey")
                    || a.equals("kms:*") || a.startsWith("kms:Encrypt") || a.startsWith("kms:ReEncrypt"));
            if (uses) {
                assertTrue(statement.path("Condition").path("StringEquals").has("kms:ViaService"),
                        "key use only through Secrets Manager: " + statement);
            }
        }
        JsonNode generator = TEMPLATE.resource("KeySetGeneratorRole").path("Properties").path("Policies");
        assertTrue(generator.toString().contains("kms:GenerateDataKey"), "the generator can write the secret");
    }

    @Test
    void bothTablesArePayPerRequestWithTtlOnExpiresAtAndPointInTimeRecovery() {
        for (String id : TABLES) {
            JsonNode table = TEMPLATE.resource(id).path("Properties");
            assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText(), id);
            assertEquals("pk", table.path("KeySchema").path(0).path("AttributeName").asText(), id + " partition key");
            assertEquals(1, table.path("KeySchema").size(), id + " has only a partition key");
            assertEquals("S", table.path("AttributeDefinitions").path(0).path("AttributeType").asText(), id + " pk type");
            assertEquals("expires_at", table.path("TimeToLiveSpecification").path("AttributeName").asText(), id + " TTL");
            assertTrue(table.path("TimeToLiveSpecification").path("Enabled").asBoolean(), id + " TTL enabled");
            assertTrue(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(), id + " PITR");
        }
    }

    @Test
    void eachFunctionGetsOnlyTheAccessItNeeds() {
        // Read-only where a function only reads; the private key set only for functions that sign, the public one
        // for those that only verify; the account functions name each DynamoDB action they make.
        // LeastPrivilegeTest checks these against the calls the handlers really make.
        Map<String, Set<String>> expected = new java.util.HashMap<>(Map.of(
                "CreateAccountFunction", grants(users("GetItem", "PutItem", "ConditionCheckItem"),
                        SEND_MAIL),
                "LoginFunction", grants(users("GetItem", "UpdateItem", "DeleteItem"), SECRET_POLICY + " SigningKeySecret",
                        KEY_POLICY),
                "RefreshFunction", Set.of("dynamodb:BatchGetItem UsersTable", "DynamoDBCrudPolicy RevokedTokensTable",
                        SECRET_POLICY + " SigningKeySecret", KEY_POLICY),
                "LogoutFunction", Set.of("DynamoDBReadPolicy UsersTable", "DynamoDBCrudPolicy RevokedTokensTable",
                        SECRET_POLICY + " SigningPublicKeySecret"),
                "DeleteAccountFunction", Set.of("DynamoDBCrudPolicy UsersTable", "DynamoDBCrudPolicy RevokedTokensTable",
                        SECRET_POLICY + " SigningPublicKeySecret"),
                "VerifyFunction", Set.of("DynamoDBReadPolicy UsersTable", "DynamoDBReadPolicy RevokedTokensTable",
                        SECRET_POLICY + " SigningPublicKeySecret"),
                "JwksFunction", Set.of(SECRET_POLICY + " SigningPublicKeySecret"),
                "OpenIdConfigurationFunction", Set.of()));
        expected.putAll(Map.of(
                "ChangePasswordFunction", grants(users("GetItem", "UpdateItem", "DeleteItem"),
                        SECRET_POLICY + " SigningKeySecret", KEY_POLICY),
                "LogoutAllFunction", grants(users("GetItem", "UpdateItem"), SECRET_POLICY + " SigningPublicKeySecret"),
                "GetProfileFunction", grants(users("GetItem"), SECRET_POLICY + " SigningPublicKeySecret"),
                "UpdateProfileFunction", grants(users("GetItem", "UpdateItem", "PutItem"),
                        SECRET_POLICY + " SigningPublicKeySecret", SEND_MAIL),
                "PasswordResetFunction", grants(users("GetItem", "PutItem", "UpdateItem"), EMAIL_INDEX, SEND_MAIL),
                "PasswordResetConfirmFunction", grants(users("GetItem", "UpdateItem", "DeleteItem"),
                        SECRET_POLICY + " SigningKeySecret", KEY_POLICY),
                "VerifyEmailFunction", grants(users("GetItem", "UpdateItem", "DeleteItem")),
                "ResendEmailFunction", grants(users("GetItem", "PutItem", "UpdateItem"), EMAIL_INDEX, SEND_MAIL)));
        assertEquals(expected.keySet(), Set.copyOf(TEMPLATE.functionIds()));
        expected.forEach((id, policies) -> assertEquals(new TreeSet<>(policies), new TreeSet<>(policies(id)), id + " policies"));
        assertTrue(TEMPLATE.functionGlobals().path("Policies").isMissingNode(), "no policy for every function in Globals");
    }

    /** An inline statement's actions on the users table, as policies() lists them: "dynamodb:GetItem UsersTable", ... */
    private static List<String> users(String... actions) {
        return java.util.Arrays.stream(actions).map(a -> "dynamodb:" + a + " UsersTable").toList();
    }

    /** The policies given, a list counting as its members. */
    private static Set<String> grants(Object... policies) {
        Set<String> all = new TreeSet<>();
        for (Object policy : policies) {
            if (policy instanceof List<?> list) {
                list.forEach(p -> all.add((String) p));
            } else {
                all.add((String) policy);
            }
        }
        return all;
    }

    @Test
    void mailIsSentFromMailFromOnlyAndOnlyWhenItIsSet() {
        assertEquals("", TEMPLATE.parameterDefault("MailFrom"), "no sender until one is verified");
        assertTrue(TEMPLATE.text.contains("HasMailFrom: !Not [!Equals [!Ref MailFrom, \"\"]]"));
        JsonNode policy = TEMPLATE.resource("SendMailPolicy");
        assertEquals("HasMailFrom", policy.path("Condition").asText(), "no SES permission at all without a sender");
        JsonNode statement = policy.path("Properties").path("PolicyDocument").path("Statement");
        assertEquals(1, statement.size());
        assertEquals("MailFrom", statement.path(0).path("Condition").path("StringEquals").path("ses:FromAddress").asText());
        for (String id : TEMPLATE.functionIds()) {
            for (JsonNode attached : TEMPLATE.resource(id).path("Properties").path("Policies")) {
                if (attached.toString().contains("SendMailPolicy")) {
                    assertEquals("[\"HasMailFrom\",\"SendMailPolicy\",\"AWS::NoValue\"]", attached.toString(),
                            id + " attaches SendMailPolicy only when MailFrom is set");
                }
            }
        }
        assertEquals(List.of("none", "optional", "mandatory"), texts(TEMPLATE.root.path("Parameters")
                .path("EmailVerification").path("AllowedValues")));
        assertEquals("none", TEMPLATE.parameterDefault("EmailVerification"), "the reference's behaviour by default");
        assertEquals("3600", TEMPLATE.parameterDefault("PasswordResetTokenLifetimeSeconds"));
    }

    @Test
    void accountsAreFoundByAddressThroughAKeysOnlyIndex() {
        JsonNode index = TEMPLATE.resource("UsersTable").path("Properties").path("GlobalSecondaryIndexes");
        assertEquals(1, index.size());
        assertEquals("EmailIndex", index.path(0).path("IndexName").asText());
        assertEquals("email_key", index.path(0).path("KeySchema").path(0).path("AttributeName").asText());
        assertEquals("KEYS_ONLY", index.path(0).path("Projection").path("ProjectionType").asText());
    }

    @Test
    void everyFunctionIsConfiguredByReferenceFromTheTemplate() {
        // the token settings and the metrics' labels, shared through Globals
        Map<String, String> settings = Map.of(
                "ACCESS_TOKEN_LIFETIME_SECONDS", "AccessTokenLifetimeSeconds",
                "REFRESH_TOKEN_LIFETIME_SECONDS", "RefreshTokenLifetimeSeconds",
                "TOKEN_ISSUER", "TokenIssuer",
                "TOKEN_AUDIENCE", "TokenAudience",
                "METRICS_NAMESPACE", "MetricsNamespace",
                "STAGE", "Stage");
        settings.forEach((variable, parameter) -> {
            assertReference(variable, parameter);
            for (String id : TEMPLATE.functionIds()) {
                assertEquals(parameter, TEMPLATE.environmentVariable(id, variable).asText(), id + " " + variable);
            }
        });
        // the resources, each function naming only those it uses (the user store is built over both tables); the
        // functions that sign read the private key set, those that only verify the public one
        Map<String, String> signer = Map.of("USERS_TABLE", "UsersTable", "REVOKED_TOKENS_TABLE", "RevokedTokensTable",
                "SIGNING_KEY_SECRET_ID", "SigningKeySecret");
        Map<String, String> verifier = Map.of("USERS_TABLE", "UsersTable", "REVOKED_TOKENS_TABLE", "RevokedTokensTable",
                "SIGNING_KEY_SECRET_ID", "SigningPublicKeySecret");
        Map<String, String> users = Map.of("USERS_TABLE", "UsersTable");
        Map<String, String> usersAndPrivateKeys = Map.of("USERS_TABLE", "UsersTable",
                "SIGNING_KEY_SECRET_ID", "SigningKeySecret");
        Map<String, String> usersAndPublicKeys = Map.of("USERS_TABLE", "UsersTable",
                "SIGNING_KEY_SECRET_ID", "SigningPublicKeySecret");
        Map<String, Map<String, String>> expected = new java.util.HashMap<>(Map.of(
                "CreateAccountFunction", users,
                "LoginFunction", usersAndPrivateKeys,
                "RefreshFunction", signer,
                "LogoutFunction", verifier,
                "DeleteAccountFunction", verifier,
                "VerifyFunction", verifier,
                "JwksFunction", Map.of("SIGNING_KEY_SECRET_ID", "SigningPublicKeySecret"),
                "OpenIdConfigurationFunction", Map.of()));
        expected.putAll(Map.of(
                "ChangePasswordFunction", usersAndPrivateKeys,
                "LogoutAllFunction", usersAndPublicKeys,
                "GetProfileFunction", usersAndPublicKeys,
                "UpdateProfileFunction", usersAndPublicKeys,
                "PasswordResetFunction", users,
                "PasswordResetConfirmFunction", usersAndPrivateKeys,
                "VerifyEmailFunction", users,
                "ResendEmailFunction", users));
        assertEquals(expected.keySet(), Set.copyOf(TEMPLATE.functionIds()));
        for (String variable : signer.keySet()) {
            assertReference(variable, variable.equals("SIGNING_KEY_SECRET_ID")
                    ? "(SigningKeySecret|SigningPublicKeySecret)" : signer.get(variable));
            assertTrue(TEMPLATE.functionGlobals().path("Environment").path("Variables").path(variable).isMissingNode(),
                    variable + " is set per function, not in Globals");
            expected.forEach((id, variables) -> {
                JsonNode value = TEMPLATE.environmentVariable(id, variable);
                if (variables.containsKey(variable)) {
                    assertEquals(variables.get(variable), value.asText(), id + " " + variable);
                } else {
                    assertTrue(value.isMissingNode(), id + " must not be given " + variable);
                }
            });
        }
        assertEquals("300", TEMPLATE.parameterDefault("AccessTokenLifetimeSeconds"));
        assertEquals("86400", TEMPLATE.parameterDefault("RefreshTokenLifetimeSeconds"));
        assertEquals("", TEMPLATE.parameterDefault("TokenIssuer"), "empty issuer: the API's own URL");
        assertEquals("", TEMPLATE.parameterDefault("TokenAudience"));
        assertTrue(TEMPLATE.parameterDefault("Stage") != null, "Stage parameter");

        // the e-mail settings, each given only to the functions that use it
        Map<String, String> mailSettings = Map.of(
                "MAIL_FROM", "MailFrom",
                "EMAIL_VERIFICATION", "EmailVerification",
                "EMAIL_VERIFICATION_URL", "EmailVerificationUrl",
                "PASSWORD_RESET_URL", "PasswordResetUrl",
                "PASSWORD_RESET_TOKEN_LIFETIME_SECONDS", "PasswordResetTokenLifetimeSeconds");
        Map<String, Set<String>> mailUsers = Map.of(
                "MAIL_FROM", Set.of("CreateAccountFunction", "UpdateProfileFunction", "PasswordResetFunction",
                        "PasswordResetConfirmFunction", "ResendEmailFunction"),
                "EMAIL_VERIFICATION", Set.of("CreateAccountFunction", "LoginFunction", "UpdateProfileFunction",
                        "ResendEmailFunction"),
                "EMAIL_VERIFICATION_URL", Set.of("CreateAccountFunction", "UpdateProfileFunction", "ResendEmailFunction"),
                "PASSWORD_RESET_URL", Set.of("PasswordResetFunction"),
                "PASSWORD_RESET_TOKEN_LIFETIME_SECONDS", Set.of("PasswordResetFunction"));
        mailSettings.forEach((variable, parameter) -> {
            assertReference(variable, parameter);
            for (String id : TEMPLATE.functionIds()) {
                JsonNode value = TEMPLATE.environmentVariable(id, variable);
                if (mailUsers.get(variable).contains(id)) {
                    assertEquals(parameter, value.asText(), id + " " + variable);
                } else {
                    assertTrue(value.isMissingNode(), id + " must not be given " + variable);
                }
            }
        });
    }

    /** Every assignment of the variable in the text is `!Ref target` (a regex): a literal would be a hard-coded name. */
    private static void assertReference(String variable, String target) {
        Matcher assignments = Pattern.compile("(?m)^\\s+" + variable + ":(.*)$").matcher(TEMPLATE.text);
        int found = 0;
        while (assignments.find()) {
            found++;
            String value = assignments.group(1).replaceAll("#.*", "").trim();
            assertTrue(value.matches("!Ref " + target), variable + ": " + value);
        }
        assertTrue(found > 0, variable + " is never set");
    }

    @Test
    void everyFunctionLogsToAGroupWithRetention() {
        for (String id : TEMPLATE.functionIds()) {
            String group = TEMPLATE.effective(id, "LoggingConfig").path("LogGroup").asText();
            JsonNode logGroup = TEMPLATE.resource(group);
            assertEquals("AWS::Logs::LogGroup", logGroup.path("Type").asText(), id + " LogGroup " + group);
            assertFalse(logGroup.path("Properties").path("RetentionInDays").isMissingNode(), group + " retention");
        }
    }

    @Test
    void theOutputsGiveTheApiUrlTablesAndSecret() {
        JsonNode outputs = TEMPLATE.root.path("Outputs");
        String url = outputs.path("ApiUrl").path("Value").asText();
        assertTrue(url.startsWith("https://${AccountApi}.execute-api.") && url.endsWith("/${Stage}"), "ApiUrl " + url);
        assertEquals("UsersTable", outputs.path("UsersTableName").path("Value").asText());
        assertEquals("RevokedTokensTable", outputs.path("RevokedTokensTableName").path("Value").asText());
        assertEquals("SigningKeySecret", outputs.path("SigningKeySecretArn").path("Value").asText());
        assertEquals("SigningPublicKeySecret", outputs.path("SigningPublicKeySecretArn").path("Value").asText());
    }

    /** The function's policies as "Policy Target", e.g. "DynamoDBReadPolicy UsersTable". */
    private static List<String> policies(String functionId) {
        return TEMPLATE.policies(functionId).stream().map(Template.Policy::toString).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
