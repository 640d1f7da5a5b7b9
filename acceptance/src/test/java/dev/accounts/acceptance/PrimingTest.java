package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.json.Json;
import dev.accounts.core.mail.MailWarmup;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.StdoutCapture;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import dev.accounts.functions.changepassword.ChangePasswordHandler;
import dev.accounts.functions.createaccount.CreateAccountHandler;
import dev.accounts.functions.deleteaccount.DeleteAccountHandler;
import dev.accounts.functions.getprofile.GetProfileHandler;
import dev.accounts.functions.jwks.JwksHandler;
import dev.accounts.functions.login.LoginHandler;
import dev.accounts.functions.logout.LogoutHandler;
import dev.accounts.functions.logoutall.LogoutAllHandler;
import dev.accounts.functions.openidconfiguration.OpenIdConfigurationHandler;
import dev.accounts.functions.passwordreset.PasswordResetHandler;
import dev.accounts.functions.passwordresetconfirm.PasswordResetConfirmHandler;
import dev.accounts.functions.refresh.RefreshHandler;
import dev.accounts.functions.resendemail.ResendEmailHandler;
import dev.accounts.functions.updateprofile.UpdateProfileHandler;
import dev.accounts.functions.verify.VerifyHandler;
import dev.accounts.functions.verifyemail.VerifyEmailHandler;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SnapStart runs each handler's priming before the snapshot, and every instance restored from it shares what
 * priming left: so priming must write nothing (no user, token, revocation or login counter) and leave the
 * handler answering real requests with fresh ids.
 */
class PrimingTest {
    private final TestStack stack = TestStack.create();

    /** Every function of the template (PublicKeyPrimingTest primes the verifiers with the public keys only). */
    private static final List<Function<EnvironmentWiring, PrimedFunction>> ALL = List.of(CreateAccountHandler::new,
            LoginHandler::new, RefreshHandler::new, LogoutHandler::new, DeleteAccountHandler::new, VerifyHandler::new,
            JwksHandler::new, OpenIdConfigurationHandler::new, ChangePasswordHandler::new, LogoutAllHandler::new,
            GetProfileHandler::new, UpdateProfileHandler::new, PasswordResetHandler::new,
            PasswordResetConfirmHandler::new, VerifyEmailHandler::new, ResendEmailHandler::new);

    @Test
    void primingEveryFunctionWritesNothingSendsNoEmailAndRunsToTheEnd() {
        TestStack mailing = stack.withMail("mandatory");
        EnvironmentWiring services = mailing.services();
        String log;
        try (StdoutCapture out = StdoutCapture.start()) {
            for (Function<EnvironmentWiring, PrimedFunction> make : ALL) {
                make.apply(services).beforeCheckpoint(null);
            }
            log = out.text();
        }
        assertEquals(0, itemCount(stack.usersTable()), "priming wrote to the users table");
        assertEquals(0, itemCount(stack.revokedTokensTable()), "priming wrote to the revoked-tokens table");
        assertEquals(List.of(), mailing.sentEmails().from(mailing.env().get("MAIL_FROM")), "priming sent e-mail");
        assertEquals(List.of(), mailing.sentEmails().from(MailWarmup.UNSENDABLE), "SES took the refused send");
        // A warm-up that fails ends that function's priming early, which only a slower first call would show.
        assertFalse(log.contains("priming incomplete"), log);
    }

    @Test
    void primingWithStorageUnreachableDoesNotStopTheSnapshot() {
        EnvironmentWiring cutOff = Unreachable.dynamoDb(stack).services();
        for (Function<EnvironmentWiring, PrimedFunction> make : ALL) {
            PrimedFunction handler = make.apply(cutOff);
            assertDoesNotThrow(() -> handler.beforeCheckpoint(null), handler.getClass().getSimpleName());
        }
    }

    @Test
    void aPrimedHandlerServesRealRequestsWithFreshIds() throws Exception {
        EnvironmentWiring services = stack.services();
        CreateAccountHandler createAccount = new CreateAccountHandler(services);
        LoginHandler login = new LoginHandler(services);
        createAccount.beforeCheckpoint(null);
        login.beforeCheckpoint(null);

        String name = Accounts.uniqueName("primed");
        APIGatewayV2HTTPResponse created = createAccount.handleRequest(HttpApiEvent.post("/account/create-account",
                Accounts.body("username", name, "password", Accounts.PASSWORD)).build(), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String body = Accounts.body("username", name, "password", Accounts.PASSWORD);
        var first = Json.parse(login.handleRequest(HttpApiEvent.post("/account/login", body).build(), null).getBody());
        var second = Json.parse(login.handleRequest(HttpApiEvent.post("/account/login", body).build(), null).getBody());
        assertNotEquals(jti(first.get("refresh").asText()), jti(second.get("refresh").asText()));
        assertTrue(first.get("access").asText().startsWith("eyJ"));
    }

    private static String jti(String token) throws Exception {
        return Json.parse(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))).get("jti").asText();
    }

    private int itemCount(String table) {
        return stack.dynamoDb().scan(r -> r.tableName(table)).count();
    }
}
