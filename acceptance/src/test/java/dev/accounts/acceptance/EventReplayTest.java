package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.devkit.LocalMail;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each events/<function>.json replayed as `sam local invoke <Function> -e events/<function>.json` would run it: the
 * function the template routes it to, with the template's environment, on fresh tables, the REPLACE_WITH_*
 * placeholders filled with real tokens and ids. Each answers the contract's success.
 */
class EventReplayTest {
    private static final String ISSUER = EventFile.ISSUER;
    private static final Set<String> REPLAYED = Set.of("create-account", "login", "refresh", "logout", "delete-account",
            "verify", "jwks", "openid-configuration", "change-password", "logout-all", "get-profile", "update-profile",
            "password-reset", "password-reset-confirm", "verify-email", "resend-email");
    /** The address of create-account.json, to which the e-mails of the replays go. */
    private static final String EMAIL = "alice@example.com";

    private TestStack stack;
    private Deployment deployment;

    @BeforeEach
    void deploy() {
        stack = TestStack.create();
        // e-mail on (a verified sender, EmailVerification optional), as a stack with MailFrom set runs
        deployment = Deployment.withMail(stack);
    }

    @AfterEach
    void undeploy() {
        deployment.close();
    }

    @Test
    void everyRouteOfTheTemplateHasItsEventReplayedHere() {
        assertEquals(new TreeSet<>(REPLAYED),
                new TreeSet<>(Template.load().routes().stream().map(Template.Route::module).toList()));
    }

    @Test
    void createAccountCreatesTheAccountItDescribes() {
        JsonNode sent = Responses.parse(EventFile.of("create-account").event().getBody());

        JsonNode user = expect(201, replay(EventFile.of("create-account")));

        assertEquals(Set.of("id", "username", "email", "first_name", "last_name"), fieldNames(user));
        assertFalse(user.path("id").asText().isBlank(), "id");
        for (String field : List.of("username", "email", "first_name", "last_name")) {
            assertEquals(sent.path(field).asText(""), user.path(field).asText(), field);
        }
    }

    @Test
    void loginGivesTokensOfTheAccountCreateAccountCreated() {
        String id = expect(201, replay(EventFile.of("create-account"))).path("id").asText();

        JsonNode login = expect(200, replay(EventFile.of("login")));

        assertEquals("Login successful", login.path("message").asText());
        assertEquals(Set.of("message", "refresh", "access"), fieldNames(login));
        for (String type : List.of("access", "refresh")) {
            JsonNode claims = Jwt.claims(login.path(type).asText());
            assertEquals(type, claims.path("token_type").asText());
            assertEquals(id, claims.path("user_id").asText(), type + " user_id");
            assertEquals(ISSUER, claims.path("iss").asText(), type + " iss: the API's URL with its stage");
        }
    }

    @Test
    void refreshRotatesTheRefreshTokenOfTheLogin() {
        Session session = signUpAndLogIn();

        JsonNode pair = expect(200, replay(EventFile.of("refresh").with("REFRESH_TOKEN", session.refresh())));

        assertEquals(Set.of("access", "refresh"), fieldNames(pair));
        assertNotEquals(session.refresh(), pair.path("refresh").asText(), "a new refresh token");
        assertEquals(session.userId(), Jwt.claims(pair.path("access").asText()).path("user_id").asText());
    }

    @Test
    void logoutEndsTheLogin() {
        Session session = signUpAndLogIn();

        APIGatewayV2HTTPResponse response = replay(EventFile.of("logout")
                .with("ACCESS_TOKEN", session.access()).with("REFRESH_TOKEN", session.refresh()));

        Responses.assertAnswer(response, 200, Contract.LOGOUT_SUCCESSFUL);
        Responses.assertAnswer(replay(EventFile.of("refresh").with("REFRESH_TOKEN", session.refresh())), 401,
                Contract.TOKEN_BLACKLISTED);
    }

    @Test
    void deleteAccountDeletesTheAccountOfTheToken() {
        Session session = signUpAndLogIn();

        APIGatewayV2HTTPResponse response = replay(EventFile.of("delete-account")
                .with("USER_ID", session.userId()).with("ACCESS_TOKEN", session.access()));

        Responses.assertNoContent(response);
        Responses.assertAnswer(replay(EventFile.of("login")), 401, Contract.NO_ACTIVE_ACCOUNT);
    }

    @Test
    void verifyAcceptsTheAccessTokenOfTheLogin() {
        Session session = signUpAndLogIn();

        APIGatewayV2HTTPResponse response = replay(EventFile.of("verify").with("ACCESS_TOKEN", session.access()));

        Responses.assertAnswer(response, 200, "{}");
    }

    @Test
    void jwksPublishesThePublicKeysOfTheKeySet() {
        Session session = signUpAndLogIn();

        APIGatewayV2HTTPResponse response = replay(EventFile.of("jwks"));

        JsonNode keys = expect(200, response).path("keys");
        assertEquals("public, max-age=300", Responses.header(response, "Cache-Control"));
        Set<String> kids = new TreeSet<>();
        keys.forEach(key -> {
            kids.add(key.path("kid").asText());
            assertEquals(Set.of("kty", "crv", "x", "y", "kid", "use", "alg"), fieldNames(key), "a public JWK, no private part");
        });
        assertEquals(new TreeSet<>(stack.keys().kids()), kids, "every key of the secret");
        assertEquals(stack.keys().currentKid(), Jwt.header(session.access()).path("kid").asText(),
                "the login's token names a published key");
    }

    @Test
    void openIdConfigurationNamesTheIssuerOfTheTokensAndItsKeySet() {
        JsonNode document = expect(200, replay(EventFile.of("openid-configuration")));

        assertEquals(ISSUER, document.path("issuer").asText());
        assertEquals(ISSUER + "/.well-known/jwks.json", document.path("jwks_uri").asText());
        assertEquals(Responses.parse("[\"ES256\"]"), document.path("id_token_signing_alg_values_supported"));
    }

    @Test
    void changePasswordSavesItAndHandsOutAFreshPair() {
        Session session = signUpAndLogIn();

        JsonNode changed = expect(200, replay(EventFile.of("change-password").with("ACCESS_TOKEN", session.access())));

        assertEquals("New password has been saved.", changed.path("detail").asText());
        assertEquals(session.userId(), Jwt.claims(changed.path("access").asText()).path("user_id").asText());
        Responses.assertAnswer(replay(EventFile.of("verify").with("ACCESS_TOKEN", session.access())), 401,
                Contract.TOKEN_BLACKLISTED);
        Responses.assertAnswer(replay(EventFile.of("login")), 401, Contract.NO_ACTIVE_ACCOUNT);
    }

    @Test
    void logoutAllEndsEverySession() {
        Session session = signUpAndLogIn();

        Responses.assertAnswer(replay(EventFile.of("logout-all").with("ACCESS_TOKEN", session.access())), 200,
                "{\"message\": \"Logged out of all sessions\"}");

        Responses.assertAnswer(replay(EventFile.of("refresh").with("REFRESH_TOKEN", session.refresh())), 401,
                Contract.TOKEN_BLACKLISTED);
    }

    @Test
    void getProfileAnswersTheAccountOfTheToken() {
        Session session = signUpAndLogIn();

        JsonNode me = expect(200, replay(EventFile.of("get-profile").with("ACCESS_TOKEN", session.access())));

        assertEquals(Set.of("id", "username", "email", "first_name", "last_name", "email_verified"), fieldNames(me));
        assertEquals(session.userId(), me.path("id").asText());
        assertEquals(EMAIL, me.path("email").asText());
    }

    @Test
    void updateProfileChangesTheNamesItSends() {
        Session session = signUpAndLogIn();
        JsonNode sent = Responses.parse(EventFile.of("update-profile").with("ACCESS_TOKEN", "unused").event().getBody());

        JsonNode me = expect(200, replay(EventFile.of("update-profile").with("ACCESS_TOKEN", session.access())));

        assertEquals(sent.path("last_name").asText(), me.path("last_name").asText());
        assertEquals(sent.path("last_name").asText(), expect(200, replay(EventFile.of("get-profile")
                .with("ACCESS_TOKEN", session.access()))).path("last_name").asText(), "stored");
    }

    @Test
    void passwordResetMailsTheAccountALinkWithItsIdAndAToken() {
        Session session = signUpAndLogIn();

        Map<String, String> link = mailedLinkAfter(() -> Responses.assertAnswer(replay(EventFile.of("password-reset")), 200,
                "{\"detail\": \"Password reset e-mail has been sent.\"}"));

        assertEquals(session.userId(), link.get("uid"));
        assertFalse(link.getOrDefault("token", "").isBlank(), "a token in " + link);
    }

    @Test
    void passwordResetConfirmSetsThePasswordOfTheMailedLink() {
        signUpAndLogIn();
        Map<String, String> link = mailedLinkAfter(() -> expect(200, replay(EventFile.of("password-reset"))));

        Responses.assertAnswer(replay(EventFile.of("password-reset-confirm")
                        .with("USER_ID", link.get("uid")).with("RESET_TOKEN", link.get("token"))), 200,
                "{\"detail\": \"Password has been reset with the new password.\"}");

        Responses.assertAnswer(replay(EventFile.of("login")), 401, Contract.NO_ACTIVE_ACCOUNT);
    }

    @Test
    void verifyEmailVerifiesTheAddressOfTheMailedKey() {
        Map<String, String> link = mailedLinkAfter(this::signUpAndLogIn); // sign-up sends the verification e-mail
        Session session = signUpAndLogInAgain();

        Responses.assertAnswer(replay(EventFile.of("verify-email").with("VERIFICATION_KEY", link.get("key"))), 200,
                "{\"detail\": \"ok\"}");

        assertTrue(expect(200, replay(EventFile.of("get-profile").with("ACCESS_TOKEN", session.access())))
                .path("email_verified").asBoolean());
    }

    @Test
    void resendEmailSendsANewVerificationKey() {
        Map<String, String> first = mailedLinkAfter(this::signUpAndLogIn);

        Map<String, String> again = mailedLinkAfter(() -> Responses.assertAnswer(replay(EventFile.of("resend-email")), 200,
                "{\"detail\": \"ok\"}"));

        assertNotEquals(first.get("key"), again.get("key"));
    }

    /** The query of the link in the one e-mail to {@link #EMAIL} that {@code action} sent. */
    private static Map<String, String> mailedLinkAfter(Runnable action) {
        int before = LocalMail.shared().sentTo(EMAIL).size();
        action.run();
        List<LocalMail.Message> sent = LocalMail.shared().sentTo(EMAIL);
        assertEquals(before + 1, sent.size(), "one e-mail to " + EMAIL);
        return sent.get(before).linkParameters();
    }

    /** A login of the account {@link #signUpAndLogIn} made. */
    private Session signUpAndLogInAgain() {
        JsonNode login = expect(200, replay(EventFile.of("login")));
        return new Session(Jwt.claims(login.path("access").asText()).path("user_id").asText(),
                login.path("access").asText(), login.path("refresh").asText());
    }

    /** The account of create-account.json, logged in through login.json, as a user of `sam local invoke` would. */
    private Session signUpAndLogIn() {
        String id = expect(201, replay(EventFile.of("create-account"))).path("id").asText();
        JsonNode login = expect(200, replay(EventFile.of("login")));
        return new Session(id, login.path("access").asText(), login.path("refresh").asText());
    }

    private APIGatewayV2HTTPResponse replay(EventFile file) {
        return deployment.send(file.event());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Session(String userId, String access, String refresh) {
    }
}
