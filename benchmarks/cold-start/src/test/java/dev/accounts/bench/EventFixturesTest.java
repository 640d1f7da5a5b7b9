package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accounts.core.account.User;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.devkit.SamTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events the benchmark prepares for the functions that need a password, a mailed secret or an address of
 * their own, handed to the use-cases those functions run, against the benchmark's own stack (moto, with SES):
 * each is accepted, which is what the benchmark demands of every invocation.
 */
class EventFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BenchmarkStack stack;
    private static EnvironmentWiring services;
    private static EventFixtures fixtures;

    @BeforeAll
    static void startStack() {
        Path templateFile = SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
        SamTemplate template = BenchmarkStack.template(templateFile);
        stack = BenchmarkStack.start(template);
        services = stack.services(template.functions());
        fixtures = new EventFixtures(services, templateFile.resolveSibling("events"));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void changePasswordEventHasTheOldPasswordOfItsCaller() {
        ApiRequest request = prepared("change-password");
        String issuer = services.tokenIssuer().forBaseUrl(request.publicBaseUrl());
        User caller = services.authenticator().authenticate(request.header("authorization"), issuer);

        services.changePassword().change(caller, JsonBody.of(request), issuer);

        User changed = services.users().findById(caller.id()).orElseThrow();
        assertTrue(services.passwordHasher().verify(JsonBody.of(request).path("new_password").asText(),
                changed.passwordHash()), "the event's new password is the user's now");
    }

    @Test
    void passwordResetConfirmEventHasALiveSingleUseToken() {
        ApiRequest request = prepared("password-reset-confirm");

        services.confirmPasswordReset().confirm(JsonBody.of(request));

        ApiException again = assertThrows(ApiException.class,
                () -> services.confirmPasswordReset().confirm(JsonBody.of(request)));
        assertEquals(400, again.status(), "the token was spent by the first confirm");
    }

    @Test
    void verifyEmailEventHasALiveKeyOfItsUsersAddress() {
        ApiRequest request = prepared("verify-email");

        services.verifyEmail().verify(JsonBody.of(request));

        ApiException again = assertThrows(ApiException.class, () -> services.verifyEmail().verify(JsonBody.of(request)));
        assertEquals(404, again.status(), "the key was spent by the first verify");
    }

    @Test
    void eachPasswordResetEventMailsAnAccountOfItsOwn() {
        ApiRequest first = prepared("password-reset");
        ApiRequest second = prepared("password-reset");
        String address = JsonBody.of(first).path("email").asText();
        assertNotEquals(address, JsonBody.of(second).path("email").asText());

        services.passwordReset().request(JsonBody.of(first));

        assertEquals(1, stack.mail().sentTo(address).size(), "one reset e-mail to " + address);
    }

    @Test
    void eachResendEmailEventMailsAnUnverifiedAccountOfItsOwn() {
        ApiRequest request = prepared("resend-email");
        String address = JsonBody.of(request).path("email").asText();

        services.resendVerification().resend(JsonBody.of(request));

        assertEquals(1, stack.mail().sentTo(address).size(), "one verification e-mail to " + address);
    }

    private static ApiRequest prepared(String function) {
        try {
            return ApiRequest.from(JSON.readTree(fixtures.invocations(function).get()));
        } catch (Exception e) {
            throw new AssertionError("the prepared " + function + " event is not JSON", e);
        }
    }
}
