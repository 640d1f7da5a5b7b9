package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.devkit.SamTemplate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's walkthrough and the contract's error cases, over HTTP, through the real handlers named in the real
 * template.yaml, on the local API started in-process on a free port.
 */
class WalkthroughTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static LocalApi api;

    @BeforeAll
    static void start() {
        Path template = SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
        api = LocalApi.start(new LocalApiOptions(template, "127.0.0.1", 0, Map.of()), System.getenv(), System.out);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String uniqueName() {
        return "user_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(api, path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    private static HttpResponse<String> delete(String path, String accessToken) {
        HttpRequest.Builder builder = request(api, path).DELETE();
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return send(builder.build());
    }

    private static JsonNode createAccount(String username) {
        HttpResponse<String> created = post("/account/create-account",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    private static JsonNode login(String username) {
        HttpResponse<String> response = post("/account/login", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return TestSupport.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void createLoginRefreshLogoutDelete() throws Exception {
        String username = uniqueName();
        HttpResponse<String> created = post("/account/create-account",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"email\":\"" + username + "@example.com\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("application/json", created.headers().firstValue("content-type").orElseThrow());
        JsonNode user = json(created);
        assertEquals(username, user.get("username").asText());
        assertEquals(username + "@example.com", user.get("email").asText());
        assertEquals("", user.get("first_name").asText());
        String id = user.get("id").asText();

        JsonNode tokens = login(username);
        assertEquals("Login successful", tokens.get("message").asText());
        String access = tokens.get("access").asText();
        String refresh = tokens.get("refresh").asText();
        assertEquals(id, claims(access).get("user_id").asText());
        assertEquals("access", claims(access).get("token_type").asText());

        HttpResponse<String> refreshed = post("/account/refresh", "{\"refresh\":\"" + refresh + "\"}");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String newRefresh = json(refreshed).get("refresh").asText();
        String newAccess = json(refreshed).get("access").asText();
        assertNotEquals(refresh, newRefresh, "rotation is always on");

        HttpResponse<String> loggedOut = post("/account/logout", "{\"refresh\":\"" + newRefresh + "\"}",
                "Authorization", "Bearer " + newAccess);
        assertEquals(200, loggedOut.statusCode(), loggedOut.body());
        assertEquals("Logout successful", json(loggedOut).get("message").asText());
        HttpResponse<String> afterLogout = post("/account/refresh", "{\"refresh\":\"" + newRefresh + "\"}");
        assertEquals(401, afterLogout.statusCode());
        assertEquals("Token is blacklisted", json(afterLogout).get("detail").asText());

        HttpResponse<String> deleted = delete("/account/delete-account/" + id, newAccess);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        HttpResponse<String> loginAfterDelete = post("/account/login", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(401, loginAfterDelete.statusCode());
        HttpResponse<String> tokenAfterDelete = delete("/account/delete-account/" + id, newAccess);
        assertEquals(401, tokenAfterDelete.statusCode());
        assertEquals("user_not_found", json(tokenAfterDelete).get("code").asText());
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesItsWholeLogin() {
        String username = uniqueName();
        createAccount(username);
        String first = login(username).get("refresh").asText();
        String second = json(post("/account/refresh", "{\"refresh\":\"" + first + "\"}")).get("refresh").asText();

        HttpResponse<String> replay = post("/account/refresh", "{\"refresh\":\"" + first + "\"}");
        assertEquals(401, replay.statusCode());
        assertEquals("token_not_valid", json(replay).get("code").asText());
        assertEquals(401, post("/account/refresh", "{\"refresh\":\"" + second + "\"}").statusCode(),
                "the descendant of the replayed token is revoked too");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        String username = uniqueName();
        createAccount(username);
        HttpResponse<String> again = post("/account/create-account",
                "{\"username\":\"" + username.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(400, again.statusCode());
        assertEquals("A user with that username already exists.", json(again).get("username").get(0).asText());
    }

    @Test
    void validationReportsEveryFailingField() {
        HttpResponse<String> response = post("/account/create-account",
                "{\"username\":\"bad name!\",\"password\":\"12345678\",\"email\":\"nope\"}");
        assertEquals(400, response.statusCode());
        JsonNode errors = json(response);
        assertTrue(errors.has("username") && errors.has("password") && errors.has("email"), errors.toString());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String username = uniqueName();
        createAccount(username);
        HttpResponse<String> wrong = post("/account/login", "{\"username\":\"" + username + "\",\"password\":\"not-the-password\"}");
        HttpResponse<String> unknown = post("/account/login", "{\"username\":\"" + uniqueName() + "\",\"password\":\"not-the-password\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertEquals("No active account found with the given credentials", json(wrong).get("detail").asText());
    }

    @Test
    void badInputIsRefusedInTheContractsWords() {
        HttpResponse<String> malformed = post("/account/login", "{\"username\":");
        assertEquals(400, malformed.statusCode());
        assertTrue(json(malformed).get("detail").asText().startsWith("JSON parse error - "));

        HttpResponse<String> list = post("/account/login", "[]");
        assertEquals(400, list.statusCode());
        assertEquals("Invalid data. Expected a dictionary, but got list.", json(list).get("non_field_errors").get(0).asText());

        HttpResponse<String> missing = post("/account/login", "{\"username\":\"x\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("This field is required.", json(missing).get("password").get(0).asText());

        HttpResponse<String> text = send(request(api, "/account/login").POST(HttpRequest.BodyPublishers.ofString("hi"))
                .header("Content-Type", "text/plain").build());
        assertEquals(415, text.statusCode());
        assertEquals("Unsupported media type \"text/plain\" in request.", json(text).get("detail").asText());

        HttpResponse<String> large = post("/account/login", "{\"username\":\"" + "a".repeat(17 * 1024) + "\"}");
        assertEquals(413, large.statusCode());
        assertEquals("Request body too large.", json(large).get("detail").asText());

        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpResponse<String> broken = send(request(api, "/account/login").POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8))
                .header("Content-Type", "application/json").build());
        assertEquals(400, broken.statusCode(), broken.body());
    }

    @Test
    void logoutAndDeleteNeedTheRightAccessToken() {
        HttpResponse<String> noHeader = post("/account/logout", "{\"refresh\":\"x\"}");
        assertEquals(401, noHeader.statusCode());
        assertEquals("Authentication credentials were not provided.", json(noHeader).get("detail").asText());

        HttpResponse<String> badToken = post("/account/logout", "{\"refresh\":\"x\"}", "Authorization", "Bearer not-a-token");
        assertEquals(401, badToken.statusCode());
        assertEquals("Given token not valid for any token type", json(badToken).get("detail").asText());

        String alice = uniqueName();
        String bob = uniqueName();
        createAccount(alice);
        String bobId = createAccount(bob).get("id").asText();
        JsonNode aliceTokens = login(alice);
        JsonNode bobTokens = login(bob);

        HttpResponse<String> othersRefresh = post("/account/logout", "{\"refresh\":\"" + bobTokens.get("refresh").asText() + "\"}",
                "Authorization", "Bearer " + aliceTokens.get("access").asText());
        assertEquals(403, othersRefresh.statusCode());
        assertEquals("You do not have permission to perform this action.", json(othersRefresh).get("detail").asText());

        assertEquals(403, delete("/account/delete-account/" + bobId, aliceTokens.get("access").asText()).statusCode());
        assertEquals(403, delete("/account/delete-account/" + UUID.randomUUID(), aliceTokens.get("access").asText()).statusCode(),
                "another id, existing or not");
        assertEquals(401, delete("/account/delete-account/" + bobId, null).statusCode());
        assertEquals(401, delete("/account/delete-account/" + bobId, bobTokens.get("refresh").asText()).statusCode(),
                "a refresh token is not an access token");
    }

    @Test
    void otherServicesCanVerifyTokensThroughDiscovery() throws Exception {
        String username = uniqueName();
        createAccount(username);
        String access = login(username).get("access").asText();

        HttpResponse<String> verified = post("/account/verify", "{\"token\":\"" + access + "\"}");
        assertEquals(200, verified.statusCode(), verified.body());
        assertEquals("{}", verified.body());
        assertEquals(401, post("/account/verify", "{\"token\":\"" + access + "x\"}").statusCode());

        HttpResponse<String> discovery = send(request(api, "/.well-known/openid-configuration").GET().build());
        assertEquals(200, discovery.statusCode());
        JsonNode document = json(discovery);
        assertEquals(claims(access).get("iss").asText(), document.get("issuer").asText(), "issuer equals the tokens' iss");
        assertEquals(api.baseUrl(), document.get("issuer").asText(), "locally the issuer is the local base URL");

        HttpResponse<String> jwks = send(request(api, "/.well-known/jwks.json").GET().build());
        assertEquals(200, jwks.statusCode());
        assertEquals("public, max-age=300", jwks.headers().firstValue("cache-control").orElseThrow());
        JsonNode key = json(jwks).get("keys").get(0);
        assertEquals("EC", key.get("kty").asText());
        assertFalse(key.has("d"), "never the private part");
        String kid = TestSupport.JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[0])).get("kid").asText();
        assertEquals(kid, key.get("kid").asText());
        assertEquals(document.get("jwks_uri").asText(), api.baseUrl() + "/.well-known/jwks.json");
    }

    @Test
    void routesOutsideTheTemplateGetApiGatewaysNotFound() {
        HttpResponse<String> response = send(request(api, "/account/login/").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals(404, send(request(api, "/account/login").GET().build()).statusCode());
    }
}
