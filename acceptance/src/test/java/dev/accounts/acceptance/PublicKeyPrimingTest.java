package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.accounts.core.Services;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Events;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import dev.accounts.functions.deleteaccount.DeleteAccountHandler;
import dev.accounts.functions.logout.LogoutHandler;
import dev.accounts.functions.verify.VerifyHandler;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The functions that only verify hold the public key set (template.yaml): they prime with a key of their own,
 * which they must stop trusting before the snapshot, and then serve the tokens the signers issue.
 */
class PublicKeyPrimingTest {
    private final TestStack stack = TestStack.create();

    @Test
    void afterPrimingOnThePublicSetNoPrimingKeyIsTrustedAndRealTokensWork() {
        Services verifying = stack.with("SIGNING_KEY_SECRET_ID", stack.publicKeySecretId()).services();
        List<Function<Services, ApiFunction>> verifiers = List.of(
                DeleteAccountHandler::new, LogoutHandler::new, VerifyHandler::new);
        for (Function<Services, ApiFunction> verifier : verifiers) {
            ApiFunction function = verifier.apply(verifying);
            function.beforeCheckpoint(null);
            assertFalse(verifying.tokens().trustsAPrimingKey(), function.getClass().getSimpleName() + " ended priming");
        }

        Accounts signer = new Accounts(stack.services());
        TokenPair pair = signer.session(signer.signUp(Accounts.uniqueName("pub")));
        expect(200, new VerifyHandler(verifying).handleRequest(
                Events.post("/account/verify", Accounts.body("token", pair.access())).build(), null));
    }
}
