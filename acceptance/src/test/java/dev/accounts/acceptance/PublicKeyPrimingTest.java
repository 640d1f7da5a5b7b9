package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.StdoutCapture;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.functions.deleteaccount.DeleteAccountHandler;
import dev.accounts.functions.logout.LogoutHandler;
import dev.accounts.functions.verify.VerifyHandler;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The functions that only verify hold the public key set (template.yaml): they prime with a key of their own,
 * trusted only while they prime, and then serve the tokens the signers issue.
 */
class PublicKeyPrimingTest {
    private final TestStack stack = TestStack.create();

    @Test
    void primingOnThePublicSetCompletesAndRealTokensWorkAfterIt() {
        EnvironmentWiring verifying = stack.with("SIGNING_KEY_SECRET_ID", stack.publicKeySecretId()).services();
        List<Function<EnvironmentWiring, PrimedFunction>> verifiers = List.of(
                DeleteAccountHandler::new, LogoutHandler::new, VerifyHandler::new);
        for (Function<EnvironmentWiring, PrimedFunction> verifier : verifiers) {
            PrimedFunction function = verifier.apply(verifying);
            // Priming logs what stopped it rather than failing the snapshot: the log must be clean.
            try (StdoutCapture out = StdoutCapture.start()) {
                function.beforeCheckpoint(null);
                assertFalse(out.text().contains("priming incomplete"), function.getClass().getSimpleName() + ": "
                        + out.text());
            }
            // The key it primed with is gone before the snapshot: it holds the public set again.
            assertFalse(verifying.signingKeys().get().canSign(), function.getClass().getSimpleName());
        }

        Accounts signer = new Accounts(stack.services());
        TokenPair pair = signer.session(signer.signUp(Accounts.uniqueName("pub")));
        expect(200, new VerifyHandler(verifying).handleRequest(
                HttpApiEvent.post("/account/verify", Accounts.body("token", pair.access())).build(), null));
    }
}
