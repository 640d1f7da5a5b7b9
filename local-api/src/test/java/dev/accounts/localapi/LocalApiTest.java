package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.localapi.testhandlers.EchoHandler;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The local API on the test template, in-process on a free port, over real HTTP. */
class LocalApiTest {

    private static final TestSupport.Console CONSOLE = new TestSupport.Console();
    private static LocalApi api;

    @BeforeAll
    static void start() {
        api = TestSupport.startTestApi(TestSupport.testTemplate(), CONSOLE);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> echo(String id) {
        return send(request(api, "/things/" + id).GET().build());
    }

    @Test
    void servesATemplateRouteThroughItsHandlerWithTheTemplatesEnvironment() throws IOException {
        HttpResponse<String> response = echo("42");
        assertEquals(200, response.statusCode());
        JsonNode answer = json(response);
        assertEquals("dev.accounts.localapi.testhandlers.EchoHandler", answer.get("handlerClass").asText());
        assertEquals("EchoFunction", answer.get("functionName").asText());
        assertEquals(256, answer.get("memoryLimitInMB").asInt(), "the template's MemorySize");
        int remaining = answer.get("remainingTimeInMillis").asInt();
        assertTrue(remaining > 5_000 && remaining <= 10_000, "Globals Timeout 10 s, got " + remaining);

        JsonNode env = answer.get("environment");
        assertEquals("ThingsTable", env.get("THINGS_TABLE").asText(), "!Ref to a table gives the local table's name");
        assertEquals("hello", env.get("GREETING").asText(), "!Ref to a parameter gives its Default");
        assertEquals("Api", env.get("API_NAME").asText());
        assertEquals(api.storage().functionsDynamoEndpoint(), env.get("DYNAMODB_ENDPOINT").asText(),
                "DynamoDB through the relay that makes each request atomic");
        assertEquals(api.storageEndpoint(), env.get("SECRETSMANAGER_ENDPOINT").asText());
        assertEquals("us-east-1", env.get("AWS_REGION").asText());
        assertEquals("test", env.get("AWS_ACCESS_KEY_ID").asText());
        assertEquals("test", env.get("AWS_SECRET_ACCESS_KEY").asText());

        String secretArn = env.get("SIGNING_KEY_SECRET_ID").asText();
        assertTrue(secretArn.startsWith("arn:aws:secretsmanager:us-east-1:"), secretArn);
        try (SecretsManagerClient secrets = api.storage().engine().secretsManagerClient();
             DynamoDbClient dynamo = api.storage().engine().dynamoDbClient()) {
            JsonNode keySet = TestSupport.JSON.readTree(secrets.getSecretValue(r -> r.secretId(secretArn)).secretString());
            JsonNode key = keySet.get("keys").get(0);
            assertEquals(key.get("kid").asText(), keySet.get("current").asText(), "a key set generated at start");
            assertEquals("EC", key.get("kty").asText());
            assertEquals("P-256", key.get("crv").asText());
            assertTrue(key.hasNonNull("d"), "a private key");

            assertEquals("ACTIVE", dynamo.describeTable(r -> r.tableName("ThingsTable")).table().tableStatusAsString());
            assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(r -> r.tableName("ThingsTable"))
                    .timeToLiveDescription().timeToLiveStatus());
        }
    }

    @Test
    void createsEachHandlerOnceAndReusesIt() {
        JsonNode first = json(echo("1"));
        JsonNode second = json(send(request(api, "/things").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build()));
        assertEquals(first.get("instance").asInt(), second.get("instance").asInt(), "two routes of one function, one instance");
        assertEquals(first.get("invocations").asInt() + 1, second.get("invocations").asInt());
        assertTrue(EchoHandler.INSTANCES.get() >= 1);
        int instancesNow = EchoHandler.INSTANCES.get();
        echo("2");
        assertEquals(instancesNow, EchoHandler.INSTANCES.get(), "no new instance per request");
    }

    @Test
    void requestBecomesAPayload20Event() {
        HttpResponse<String> response = send(request(api, "/things/a%20b?x=1&y=two&x=3")
                .GET()
                .header("Authorization", "Bearer token-1")
                .header("X-Repeated", "one")
                .header("X-Repeated", "two")
                .header("Cookie", "a=1; b=2")
                .header("User-Agent", "local-api-test")
                .build());
        JsonNode event = json(response).get("event");
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /things/{id}", event.get("routeKey").asText());
        assertEquals("/things/a%20b", event.get("rawPath").asText());
        assertEquals("x=1&y=two&x=3", event.get("rawQueryString").asText());
        assertEquals("a b", event.get("pathParameters").get("id").asText());
        assertEquals("1,3", event.get("queryStringParameters").get("x").asText());
        assertEquals("Bearer token-1", event.get("headers").get("authorization").asText());
        assertEquals("one,two", event.get("headers").get("x-repeated").asText());
        assertEquals(List.of("a=1", "b=2"), TestSupport.JSON.convertValue(event.get("cookies"), List.class));
        JsonNode context = event.get("requestContext");
        assertEquals("$default", context.get("stage").asText());
        assertEquals("127.0.0.1:" + api.port(), context.get("domainName").asText());
        assertEquals("GET", context.get("http").get("method").asText());
        assertEquals("127.0.0.1", context.get("http").get("sourceIp").asText());
        assertEquals("local-api-test", context.get("http").get("userAgent").asText());
        assertEquals(json(response).get("awsRequestId").asText(), context.get("requestId").asText(),
                "the Context's request id is the event's");
        assertEquals(context.get("requestId").asText(), response.headers().firstValue("apigw-requestid").orElseThrow());
        assertTrue(Math.abs(System.currentTimeMillis() - context.get("timeEpoch").asLong()) < 60_000);
    }

    @Test
    void eachRequestHasItsOwnRequestId() {
        String first = json(echo("1")).get("awsRequestId").asText();
        String second = json(echo("1")).get("awsRequestId").asText();
        assertFalse(first.equals(second));
    }

    @Test
    void responseHeadersMultiValueHeadersAndCookiesReachTheClient() {
        HttpResponse<String> response = echo("1");
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-echo").orElseThrow());
        assertEquals(List.of("a", "b"), response.headers().allValues("x-multi"));
        assertEquals(List.of("session=abc; HttpOnly", "theme=dark"), response.headers().allValues("set-cookie"));
    }

    @Test
    void binaryBodiesTravelAsBase64BothWays() {
        byte[] bytes = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
        HttpResponse<byte[]> response;
        try {
            response = TestSupport.HTTP.send(request(api, "/binary").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(200, response.statusCode(), "ANY route takes PUT");
        assertArrayEquals(bytes, response.body());
        assertEquals(204, send(request(api, "/binary").DELETE().build()).statusCode());
    }

    @Test
    void unknownRoutesGetApiGatewaysNotFound() {
        for (HttpRequest request : new HttpRequest[] {
                request(api, "/nope").GET().build(),
                request(api, "/things/1").DELETE().build(),
                request(api, "/things/").GET().build(),
                request(api, "/").GET().build()}) {
            HttpResponse<String> response = send(request);
            assertEquals(404, response.statusCode(), request.method() + " " + request.uri());
            assertEquals("{\"message\":\"Not Found\"}", response.body());
            assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        }
    }

    @Test
    void aFailingFunctionGivesApiGatewaysErrorWithoutItsDetails() {
        HttpResponse<String> response = send(request(api, "/fail").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
        assertTrue(CONSOLE.text().contains("secret-internal-detail"), "the stack trace goes to the console, as to the function's log");
    }

    @Test
    void logsOneAccessLineForEveryRequest() {
        send(request(api, "/things/log-check-1").GET().build());
        send(request(api, "/log-check-2").GET().build());
        String console = CONSOLE.text();
        List<String> lines = console.lines().filter(l -> l.contains("log-check")).toList();
        assertEquals(2, lines.size(), console);
        assertTrue(lines.get(0).matches("\\S+ GET /things/log-check-1 200 \\d+ms EchoFunction"), lines.get(0));
        assertTrue(lines.get(1).matches("\\S+ GET /log-check-2 404 \\d+ms -"), lines.get(1));
    }

    @Test
    void printsItsRoutesAtStart() {
        String console = CONSOLE.text();
        assertTrue(console.contains("Mounted GET    " + api.baseUrl() + "/things/{id} -> EchoFunction"), console);
        assertTrue(console.contains("Mounted ANY    " + api.baseUrl() + "/binary -> BinaryFunction"), console);
    }

    @Test
    void storageIsMotoUnlessAnEndpointIsGiven() {
        if (System.getenv("DYNAMODB_ENDPOINT") == null) {
            assertEquals("MOTO", api.storage().engine().kind().name());
        }
        assertEquals(Map.of("ThingsTable", "ThingsTable"), api.storage().tableNames());
    }
}
