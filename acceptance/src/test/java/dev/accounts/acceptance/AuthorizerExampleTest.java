package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.TestStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/authorizer-example.yaml, a user's own HTTP API behind API Gateway's JWT authorizer configured with the
 * account stack's Issuer output and TokenAudience: its configuration, what such an authorizer decides about the
 * account service's tokens (with {@link JwtAuthorizer}, jjwt configured as the authorizer is, in its place,
 * fetching the discovery documents from the functions), and its inline function, run with Node.js as Lambda
 * runs it.
 */
class AuthorizerExampleTest {
    private static final Template EXAMPLE = Template.load("docs/authorizer-example.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "my-apps";
    private TestStack stack;

    @TempDir
    Path work;

    /** Fresh tables for each test: each signs up the one account of the event files. */
    @BeforeEach
    void createTables() {
        stack = TestStack.create();
    }

    @Test
    void theRouteIsBehindAJwtAuthorizerOfTheAccountStacksIssuerAndAudience() {
        JsonNode auth = EXAMPLE.resource("ExampleApi").path("Properties").path("Auth");
        JsonNode authorizer = auth.path("Authorizers").path("AccountTokens");
        assertEquals("$request.header.Authorization", authorizer.path("IdentitySource").asText());
        assertEquals("AccountIssuer", authorizer.path("JwtConfiguration").path("issuer").asText(), "!Ref AccountIssuer");
        assertEquals(JSON.createArrayNode().add("AccountAudience"), authorizer.path("JwtConfiguration").path("audience"),
                "[!Ref AccountAudience]");
        assertEquals("AccountTokens", auth.path("DefaultAuthorizer").asText());
        JsonNode route = EXAMPLE.resource("HelloFunction").path("Properties").path("Events").path("Hello").path("Properties");
        assertEquals("ExampleApi", route.path("ApiId").asText());
        assertEquals("AccountTokens", route.path("Auth").path("Authorizer").asText());
        // an issuer exactly as the Issuer output gives it: https, no trailing slash (the authorizer compares `iss` as is)
        Pattern issuer = Pattern.compile(EXAMPLE.root.path("Parameters").path("AccountIssuer").path("AllowedPattern").asText());
        assertTrue(issuer.matcher(EventFile.ISSUER).matches(), EventFile.ISSUER);
        assertFalse(issuer.matcher(EventFile.ISSUER + "/").matches(), "trailing slash");
        assertFalse(issuer.matcher(EventFile.ISSUER.replace("https:", "http:")).matches(), "http");
        assertEquals(1, EXAMPLE.root.path("Parameters").path("AccountAudience").path("MinLength").asInt(), "an audience is required");
    }

    @Test
    void anAccessTokenOfAStackDeployedWithTokenAudiencePassesTheAuthorizerAndTheRoute() throws Exception {
        try (Deployment accounts = Deployment.of(stack, Map.of("TokenAudience", AUDIENCE))) {
            JsonNode login = logIn(accounts);

            JwtAuthorizer.Decision decision = authorizer(accounts, Clock.systemUTC())
                    .authorize("Bearer " + login.path("access").asText());

            assertNull(decision.refusal(), "refused: " + decision.refusal());
            JsonNode answer = runHello(decision.claims());
            assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
            assertEquals("Hello, " + decision.claims().path("user_id").asText(),
                    JSON.readTree(answer.path("body").asText()).path("message").asText());
        }
    }

    @Test
    void aRefreshTokenIsRefusedByTheAuthorizerForItsMissingAudienceAndByTheRoute() throws Exception {
        try (Deployment accounts = Deployment.of(stack, Map.of("TokenAudience", AUDIENCE))) {
            String refresh = logIn(accounts).path("refresh").asText();

            JwtAuthorizer.Decision decision = authorizer(accounts, Clock.systemUTC()).authorize("Bearer " + refresh);

            assertFalse(decision.authorized(), "a refresh token passed as an access token");
            assertTrue(decision.refusal().startsWith("aud"), decision.refusal());
            // The route's own token_type check stays, for authorizers configured without an audience elsewhere.
            JsonNode answer = runHello(Jwt.claims(refresh));
            assertEquals(403, answer.path("statusCode").asInt(), answer.toString());
        }
    }

    @Test
    void withoutTokenAudienceTheAuthorizerRefusesEveryToken() {
        try (Deployment accounts = Deployment.of(stack)) {
            JsonNode login = logIn(accounts);

            JwtAuthorizer.Decision decision = authorizer(accounts, Clock.systemUTC())
                    .authorize("Bearer " + login.path("access").asText());

            assertFalse(decision.authorized());
            assertTrue(decision.refusal().startsWith("aud"), decision.refusal());
        }
    }

    @Test
    void forgedAndExpiredTokensDoNotPassTheAuthorizer() {
        try (Deployment accounts = Deployment.of(stack, Map.of("TokenAudience", AUDIENCE))) {
            String access = logIn(accounts).path("access").asText();
            MutableClock clock = MutableClock.startingNow();
            JwtAuthorizer authorizer = authorizer(accounts, clock);
            Forgery.Genuine genuine = new Forgery.Genuine(access,
                    stack.keys().publicKey(stack.keys().currentKid()).orElseThrow(), "someone-else", clock);
            assertTrue(authorizer.authorize("Bearer " + access).authorized(), "the genuine token passes the same verifier");

            for (Forgery forgery : Forgery.values()) {
                JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + forgery.forge(genuine));
                assertFalse(decision.authorized(), forgery + " passed the authorizer");
            }
        }
    }

    /** Signs up and logs in the account of the event files, on the API and stage they come from. */
    private static JsonNode logIn(Deployment accounts) {
        expect(201, accounts.send(EventFile.of("create-account").event()));
        return expect(200, accounts.send(EventFile.of("login").event()));
    }

    /** Configured as the example configures it, with the Issuer output for the event files' API and stage. */
    private static JwtAuthorizer authorizer(Deployment accounts, Clock clock) {
        return new JwtAuthorizer(EventFile.ISSUER, AUDIENCE, url -> get(accounts, url), clock);
    }

    /** GET of a URL of the account API, as API Gateway hands it to the function of its route. */
    private static JsonNode get(Deployment accounts, URI url) {
        APIGatewayV2HTTPEvent event = EventFile.of("jwks").event();
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        event.setRawPath(url.getPath());
        event.getHeaders().put("host", url.getHost());
        context.getHttp().setPath(url.getPath());
        context.setDomainName(url.getHost());
        context.setApiId(url.getHost().substring(0, url.getHost().indexOf('.')));
        context.setStage(url.getPath().split("/")[1]);
        return expect(200, accounts.send(event));
    }

    /** The example's inline function, given the claims as API Gateway passes them on (every value a string). */
    private JsonNode runHello(JsonNode claims) throws IOException, InterruptedException {
        Path node = TemplateLintTest.onPath("node").orElse(null);
        Assumptions.assumeTrue(node != null, "node is not on PATH: the example's function is not run");
        Files.writeString(work.resolve("index.js"),
                EXAMPLE.resource("HelloFunction").path("Properties").path("InlineCode").asText());
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "GET /hello");
        ObjectNode passedOn = event.putObject("requestContext").putObject("authorizer").putObject("jwt").putObject("claims");
        claims.properties().forEach(c -> passedOn.put(c.getKey(), c.getValue().isTextual() ? c.getValue().asText() : c.getValue().toString()));
        Path output = work.resolve("output.json");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), "-e",
                "require('./index.js').handler(JSON.parse(process.env.EVENT))"
                        + ".then(r => process.stdout.write(JSON.stringify(r)), e => { console.error(e); process.exit(1); })")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("EVENT", JSON.writeValueAsString(event));
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the example's function did not answer within 30 s");
        }
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), printed);
        return JSON.readTree(printed);
    }
}
