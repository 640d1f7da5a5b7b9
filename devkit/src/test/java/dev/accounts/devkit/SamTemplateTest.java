package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private static Path fixture() throws URISyntaxException {
        return Path.of(SamTemplateTest.class.getResource("/sample-template.yaml").toURI());
    }

    private final SamTemplate template;

    SamTemplateTest() throws URISyntaxException {
        template = SamTemplate.load(fixture());
    }

    @Test
    void readsTablesWithKeysTtlAndIndexes() {
        TableSpec users = template.table("UsersTable").orElseThrow();
        assertEquals(new KeyAttribute("pk", "S"), users.partitionKey());
        assertEquals(Optional.empty(), users.sortKey());
        assertEquals(Optional.of("expires_at"), users.ttlAttribute());
        assertEquals(Optional.empty(), users.tableName());
        assertEquals(1, users.globalSecondaryIndexes().size());
        IndexSpec byEmail = users.globalSecondaryIndexes().get(0);
        assertEquals("by-email", byEmail.name());
        assertEquals(new KeyAttribute("email", "S"), byEmail.partitionKey());
        assertEquals("KEYS_ONLY", byEmail.projectionType());

        TableSpec events = template.table("EventsTable").orElseThrow();
        assertEquals(Optional.of(new KeyAttribute("at", "N")), events.sortKey());
        assertEquals(Optional.empty(), events.ttlAttribute());
        assertEquals(Optional.of("local-events-dev"), events.tableName(), "!Sub over pseudo parameter and parameter");
        assertEquals(List.of("UsersTable", "EventsTable"), template.tables().stream().map(TableSpec::logicalId).toList());
    }

    @Test
    void readsFunctionsWithHandlerAndCodeUri() {
        FunctionSpec login = template.function("LoginFunction").orElseThrow();
        assertEquals("dev.example.LoginHandler::handleRequest", login.handler());
        assertEquals("dev.example.LoginHandler", login.handlerClass());
        assertEquals("functions/login/target/login.jar", login.codeUri());
        assertEquals(1024, login.memorySizeMb(), "the function's own MemorySize wins over Globals");
        assertEquals(512, template.function("DeleteFunction").orElseThrow().memorySizeMb(), "from Globals");
        assertEquals(3, login.timeoutSeconds(), "SAM's default");
        assertEquals("dev.example.DeleteHandler", template.function("DeleteFunction").orElseThrow().handlerClass());
        assertEquals(List.of("LoginFunction", "DeleteFunction"), template.functions().stream().map(FunctionSpec::logicalId).toList());
    }

    @Test
    void mergesGlobalEnvironmentWithTheFunctionsOwnWhichWins() {
        Map<String, EnvironmentValue> login = template.function("LoginFunction").orElseThrow().environment();
        assertEquals(new EnvironmentValue.ResourceRef("UsersTable"), login.get("USERS_TABLE"), "from Globals");
        assertEquals(new EnvironmentValue.ResourceRef("SigningKeySecret"), login.get("SIGNING_KEY_SECRET_ID"));
        assertEquals(new EnvironmentValue.Literal("DEBUG"), login.get("LOG_LEVEL"), "function overrides Globals");

        Map<String, EnvironmentValue> delete = template.function("DeleteFunction").orElseThrow().environment();
        assertEquals(new EnvironmentValue.Literal("INFO"), delete.get("LOG_LEVEL"));
        assertFalse(delete.containsKey("SIGNING_KEY_SECRET_ID"), "another function's variable does not leak");
    }

    @Test
    void resolvesParametersToTheirDefaultsAndEvaluatesConditions() {
        Map<String, EnvironmentValue> login = template.function("LoginFunction").orElseThrow().environment();
        assertEquals(new EnvironmentValue.Literal("300"), login.get("ACCESS_TOKEN_LIFETIME_SECONDS"));
        assertFalse(login.containsKey("TOKEN_AUDIENCE"), "!If to AWS::NoValue removes the variable");
        assertEquals(new EnvironmentValue.Literal("relaxed"), login.get("MODE"));
        assertInstanceOf(EnvironmentValue.Unresolved.class, login.get("EVENTS_TABLE_ARN"), "!GetAtt needs a stack");
        assertInstanceOf(EnvironmentValue.Unresolved.class, login.get("ISSUER"), "!Sub over a resource needs a stack");
        assertEquals("300", template.parameters().get("AccessTokenLifetimeSeconds"));
    }

    @Test
    void parameterOverridesReplaceDefaults() throws URISyntaxException {
        SamTemplate overridden = SamTemplate.load(fixture(), Map.of("TokenAudience", "mobile-app", "Stage", "prod"));
        Map<String, EnvironmentValue> login = overridden.function("LoginFunction").orElseThrow().environment();
        assertEquals(new EnvironmentValue.Literal("mobile-app"), login.get("TOKEN_AUDIENCE"));
        assertEquals(new EnvironmentValue.Literal("strict"), login.get("MODE"));
        assertThrows(IllegalArgumentException.class, () -> SamTemplate.load(fixture(), Map.of("Nope", "x")));
    }

    @Test
    void readsOnlyHttpApiEventsAsRoutesWithUpperCaseMethods() {
        assertEquals(List.of(
                        new HttpRoute("POST", "/account/login", "LoginFunction"),
                        new HttpRoute("DELETE", "/account/delete-account/{id}", "DeleteFunction")),
                template.routes());
        assertEquals("POST /account/login", template.routes().get(0).routeKey());
    }

    @Test
    void listsSecretsAndResourceTypes() {
        assertEquals(Map.of("SigningKeySecret", Optional.empty()), template.secrets());
        assertEquals("AWS::Serverless::HttpApi", template.resourceTypes().get("HttpApi"));
    }

    @Test
    void toleratesEveryShortTagFormInPlacesItDoesNotEvaluate() {
        SamTemplate parsed = SamTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Role: !GetAtt [Role, Arn]
                      Layers: [!FindInMap [M, !Ref AWS::Region, layer], !ImportValue shared-layer]
                      Environment:
                        Variables:
                          B64: !Base64 hello
                          SELECTED: !Select [1, [a, b]]
                          CIDRS: !Cidr [10.0.0.0/16, 2, 8]
                          JOINED: !Join ['-', [x, !Ref AWS::Region]]
                          SPLIT: !Split [',', 'a,b']
                          AZS: !GetAZs ''
                          SUB_MAP: !Sub
                            - '${Name}-x'
                            - Name: n
                """);
        Map<String, EnvironmentValue> environment = parsed.functions().get(0).environment();
        assertEquals(new EnvironmentValue.Literal("x-us-east-1"), environment.get("JOINED"));
        assertEquals(new EnvironmentValue.Literal("n-x"), environment.get("SUB_MAP"));
        assertTrue(((EnvironmentValue.Unresolved) environment.get("B64")).expression().contains("Fn::Base64"));
        assertEquals(List.of(), parsed.routes());
    }

    @Test
    void refusesATemplateWithoutResources() {
        assertThrows(IllegalArgumentException.class, () -> SamTemplate.parse("Parameters: {}\n"));
    }

    @Test
    void locatesTheTemplateByWalkingUp(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("template.yaml"), "Resources: {}\n");
        Path deep = Files.createDirectories(root.resolve("a/b/c"));
        assertEquals(root.resolve("template.yaml").toRealPath(), SamTemplate.locateFile(deep).toRealPath());
    }

    private static final String API_TEMPLATE = """
            Parameters:
              Origins: {Type: String, Default: ""}
              Rate: {Type: Number, Default: 100}
            Conditions:
              HasOrigins: !Not [!Equals [!Ref Origins, ""]]
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefaultRouteSettings: {ThrottlingRateLimit: !Ref Rate, ThrottlingBurstLimit: 5}
                  CorsConfiguration: !If
                    - HasOrigins
                    - {AllowOrigins: !Split [",", !Ref Origins], MaxAge: 600}
                    - !Ref AWS::NoValue
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B, ReservedConcurrentExecutions: 3}
              Other:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.C}
            """;

    @Test
    void readsTheHttpApisSettingsWithSplitOriginsAndDropsAnAbsentCorsConfiguration() {
        SamTemplate withOrigins = SamTemplate.parse(API_TEMPLATE, Map.of("Origins", "https://a.example,https://b.example"));
        assertEquals("[\"https://a.example\",\"https://b.example\"]",
                withOrigins.httpApiProperties().path("CorsConfiguration").path("AllowOrigins").toString());
        assertEquals(100, withOrigins.httpApiProperties().path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt());
        assertTrue(SamTemplate.parse(API_TEMPLATE).httpApiProperties().path("CorsConfiguration").isMissingNode(),
                "the !If's AWS::NoValue leaves no CorsConfiguration");
        assertTrue(template.httpApiProperties().isObject(), "no HttpApi: an empty object");
    }

    @Test
    void readsReservedConcurrentExecutionsWhenSet() {
        SamTemplate parsed = SamTemplate.parse(API_TEMPLATE);
        assertEquals(java.util.OptionalInt.of(3), parsed.function("Fn").orElseThrow().reservedConcurrency());
        assertEquals(java.util.OptionalInt.empty(), parsed.function("Other").orElseThrow().reservedConcurrency());
    }
}
