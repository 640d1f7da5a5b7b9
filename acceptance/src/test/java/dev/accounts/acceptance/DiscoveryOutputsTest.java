package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.TestStack;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Issuer and JwksUrl outputs are what a user gives a JWT authorizer (docs/authorizer-example.yaml): they must
 * name exactly the `iss` the functions put in tokens and the issuer and jwks_uri of the discovery document, which
 * the functions derive from each request unless TokenIssuer is set. Evaluated here as CloudFormation would, for the
 * API, region and stage the event files come from.
 */
class DiscoveryOutputsTest {
    private static final Template TEMPLATE = Template.load();
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");
    private TestStack stack;

    /** Fresh tables for each test: a test may sign up the one account of the event files. */
    @BeforeEach
    void createTables() {
        stack = TestStack.create();
    }

    @Test
    void theIssuerIsTheConfiguredOneElseTheApiUrlWithItsStage() {
        assertTrue(TEMPLATE.text.contains("HasTokenIssuer: !Not [!Equals [!Ref TokenIssuer, \"\"]]"), "HasTokenIssuer");
        JsonNode outputs = TEMPLATE.root.path("Outputs");
        assertEquals(List.of("HasTokenIssuer", "TokenIssuer", outputs.path("ApiUrl").path("Value").asText()),
                texts(outputs.path("Issuer").path("Value")), "Issuer: !If [HasTokenIssuer, !Ref TokenIssuer, <ApiUrl>]");
        JsonNode jwks = outputs.path("JwksUrl").path("Value");
        assertEquals("${Issuer}/.well-known/jwks.json", jwks.path(0).asText());
        assertEquals(outputs.path("Issuer").path("Value"), jwks.path(1).path("Issuer"), "JwksUrl is built on the Issuer");
    }

    @Test
    void withoutTokenIssuerTheOutputsAreWhatTheFunctionsDeriveFromTheRequest() {
        APIGatewayV2HTTPEvent event = EventFile.of("openid-configuration").event();
        String issuer = apiUrlOutput(event);
        try (Deployment deployment = Deployment.of(stack)) {
            JsonNode document = expect(200, deployment.send(event));

            assertEquals(issuer, document.path("issuer").asText());
            assertEquals(jwksUrlOutput(issuer), document.path("jwks_uri").asText());
            String id = expect(201, deployment.send(EventFile.of("create-account").event())).path("id").asText();
            JsonNode login = expect(200, deployment.send(EventFile.of("login").event()));
            assertEquals(issuer, Jwt.claims(login.path("access").asText()).path("iss").asText(), "the tokens' iss");
            assertEquals(id, Jwt.claims(login.path("access").asText()).path("user_id").asText());
        }
    }

    @Test
    void withTokenIssuerTheOutputsAndTheFunctionsUseIt() {
        String configured = "https://auth.example.com";
        try (Deployment deployment = Deployment.of(stack, Map.of("TokenIssuer", configured))) {
            JsonNode document = expect(200, deployment.send(EventFile.of("openid-configuration").event()));

            assertEquals(configured, document.path("issuer").asText());
            assertEquals(jwksUrlOutput(configured), document.path("jwks_uri").asText());
            expect(201, deployment.send(EventFile.of("create-account").event()));
            JsonNode login = expect(200, deployment.send(EventFile.of("login").event()));
            assertEquals(configured, Jwt.claims(login.path("access").asText()).path("iss").asText(), "access iss");
            assertEquals(configured, Jwt.claims(login.path("refresh").asText()).path("iss").asText(), "refresh iss");
        }
    }

    /** The ApiUrl branch of the Issuer output, resolved for the API, region and stage the event reached. */
    private static String apiUrlOutput(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        // <api id>.execute-api.<region>.<URL suffix>
        String[] domain = context.getDomainName().split("\\.", 4);
        assertEquals(List.of(context.getApiId(), "execute-api"), List.of(domain[0], domain[1]), context.getDomainName());
        return substitute(TEMPLATE.root.path("Outputs").path("Issuer").path("Value").path(2).asText(), Map.of(
                "AccountApi", context.getApiId(),
                "AWS::Region", domain[2],
                "AWS::URLSuffix", domain[3],
                "Stage", context.getStage()));
    }

    private static String jwksUrlOutput(String issuer) {
        return substitute(TEMPLATE.root.path("Outputs").path("JwksUrl").path("Value").path(0).asText(), Map.of("Issuer", issuer));
    }

    /** Fn::Sub over the given names; any other name fails the test. */
    private static String substitute(String template, Map<String, String> values) {
        Matcher names = SUBSTITUTION.matcher(template);
        StringBuilder result = new StringBuilder();
        while (names.find()) {
            String value = values.get(names.group(1));
            if (value == null) {
                throw new AssertionError("no value for ${" + names.group(1) + "} in " + template);
            }
            names.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return names.appendTail(result).toString();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
