package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.devkit.LocalMail;
import dev.accounts.devkit.SamTemplate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account lifecycle end to end over HTTP, through the real handlers of template.yaml on the local API, with
 * the e-mails read back from its local SES: sign up → verify the address → change the password → the other
 * sessions are refused → forgot the password → reset → every session refused → log in with the new password.
 * EmailVerification is optional here, so sign-up sends the verification e-mail.
 */
class LifecycleWalkthroughTest {

    private static final String BLACKLISTED = "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}";
    private static LocalApi api;
    private static LocalMail mail;

    @BeforeAll
    static void start() {
        Path template = SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
        api = LocalApi.start(new LocalApiOptions(template, "127.0.0.1", 0, Map.of("EmailVerification", "optional")),
                System.getenv(), System.out);
        mail = api.storage().mail().orElseThrow(() -> new AssertionError("the local API started no SES"));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void signUpVerifyChangeForgetResetAndLogInAgain() throws Exception {
        String username = "life_" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        String first = "correct-horse-battery-staple";
        JsonNode user = expect(201, call("POST", "/account/create-account", Map.of("username", username,
                "password", first, "email", email), null));

        // the verification e-mail: its link carries the key
        String key = only(awaitMail(email, 1)).linkParameters().get("key");
        assertEquals(false, expect(200, call("GET", "/account/me", null, login(username, first).access)).path("email_verified").asBoolean());
        assertEquals("{\"detail\":\"ok\"}", answer(200, call("POST", "/account/verify-email", Map.of("key", key), null)));
        assertEquals("{\"detail\":\"Not found.\"}", answer(404, call("POST", "/account/verify-email", Map.of("key", key), null)),
                "a key works once");

        // two devices; one changes the password and keeps a fresh pair, the other is signed out
        Pair phone = login(username, first);
        Pair laptop = login(username, first);
        JsonNode me = expect(200, call("GET", "/account/me", null, phone.access));
        assertEquals(user.path("id"), me.path("id"));
        assertTrue(me.path("email_verified").asBoolean(), "verified by the key");
        String second = "staple-orbit-lantern-42";
        JsonNode changed = expect(200, call("POST", "/account/change-password", Map.of("old_password", first,
                "new_password", second), phone.access));
        assertEquals("New password has been saved.", changed.path("detail").asText());
        Pair fresh = new Pair(changed.path("access").asText(), changed.path("refresh").asText());
        expect(200, call("GET", "/account/me", null, fresh.access)); // issued in the same second as the change
        assertEquals(BLACKLISTED, answer(401, call("GET", "/account/me", null, laptop.access)));
        assertEquals(BLACKLISTED, answer(401, call("POST", "/account/refresh", Map.of("refresh", laptop.refresh), null)));
        assertEquals(BLACKLISTED, answer(401, call("GET", "/account/me", null, phone.access)));

        // forgot it: the reset e-mail (the address in other case finds the account), then the token, once
        int before = mail.sentTo(email).size();
        String sent = "{\"detail\":\"Password reset e-mail has been sent.\"}";
        assertEquals(sent, answer(200, call("POST", "/account/password-reset", Map.of("email", email.toUpperCase(Locale.ROOT)), null)));
        Map<String, String> link = awaitMail(email, before + 1).get(before).linkParameters();
        assertEquals(user.path("id").asText(), link.get("uid"));
        String third = "quiet-meadow-copper-17";
        Map<String, String> confirm = Map.of("uid", link.get("uid"), "token", link.get("token"), "new_password", third);
        assertEquals("{\"detail\":\"Password has been reset with the new password.\"}",
                answer(200, call("POST", "/account/password-reset/confirm", confirm, null)));
        assertEquals("{\"token\":[\"Invalid value\"]}", answer(400, call("POST", "/account/password-reset/confirm", confirm, null)));

        // every session ended; only the newest password logs in
        assertEquals(BLACKLISTED, answer(401, call("GET", "/account/me", null, fresh.access)));
        assertEquals(BLACKLISTED, answer(401, call("POST", "/account/refresh", Map.of("refresh", fresh.refresh), null)));
        answer(401, call("POST", "/account/login", Map.of("username", username, "password", second), null));
        expect(200, call("GET", "/account/me", null, login(username, third).access));

        // an unknown address gets the same answer and no e-mail
        String nobody = "nobody_" + username + "@example.com";
        assertEquals(sent, answer(200, call("POST", "/account/password-reset", Map.of("email", nobody), null)));
        Thread.sleep(1500);
        assertEquals(List.of(), mail.sentTo(nobody));
    }

    private record Pair(String access, String refresh) {
    }

    private static Pair login(String username, String password) {
        JsonNode body = expect(200, call("POST", "/account/login", Map.of("username", username, "password", password), null));
        return new Pair(body.path("access").asText(), body.path("refresh").asText());
    }

    private static HttpResponse<String> call(String method, String path, Map<String, String> body, String bearer) {
        HttpRequest.Builder builder = request(api, path);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(TestSupport.JSON.valueToTree(body).toString()));
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder.build());
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return json(response);
    }

    /** The body of an answer of that status, as compact JSON. */
    private static String answer(int status, HttpResponse<String> response) {
        return expect(status, response).toString();
    }

    /** The messages to {@code address} once there are {@code count} of them (the sending function has answered). */
    private static List<LocalMail.Message> awaitMail(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<LocalMail.Message> received = mail.sentTo(address);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            received = mail.sentTo(address);
        }
        assertEquals(count, received.size(), "e-mails to " + address + ": " + received);
        return received;
    }

    private static LocalMail.Message only(List<LocalMail.Message> messages) {
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }
}
