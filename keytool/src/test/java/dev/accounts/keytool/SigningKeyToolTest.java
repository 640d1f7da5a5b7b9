package dev.accounts.keytool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.SigningKeySet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented rotation, step by step, against a real Secrets Manager API. */
class SigningKeyToolTest {
    private final TestStack stack = TestStack.create();
    private final String secret = stack.env().get("SIGNING_KEY_SECRET_ID");
    private final String publicSecret = stack.publicKeySecretId();
    private final String oldKid = stack.keys().currentKid();

    @Test
    void addMakeCurrentRetire() {
        assertEquals(0, run("add"));
        String added = stored().newestKid();
        assertEquals(Set.of(oldKid, added), stored().kids());
        assertEquals(oldKid, stored().currentKid(), "a new key verifies first, it does not sign yet");
        assertEquals(Jwt.rfc7638Thumbprint(stored().publicJwks().get(1)), added, "a new key's kid is its RFC 7638 thumbprint");
        assertPublicSetInStep();

        assertEquals(0, run("make-current", added));
        assertEquals(added, stored().currentKid());
        assertPublicSetInStep();

        assertEquals(0, run("retire", oldKid));
        assertEquals(Set.of(added), stored().kids());
        assertTrue(stored().publicKey(added).isPresent());
        assertPublicSetInStep();
    }

    @Test
    void aChangeWithoutThePublicSecretIsRefusedBeforeAnyWrite() {
        String before = stack.engine().secretsManagerClient().getSecretValue(r -> r.secretId(secret)).secretString();
        assertEquals(2, SigningKeyTool.run(new String[] {"add", "--secret", secret}, quiet(), quiet(),
                stack.engine().secretsManagerClient()), "usage");
        assertEquals(before, stack.engine().secretsManagerClient().getSecretValue(r -> r.secretId(secret)).secretString());
        assertEquals(0, SigningKeyTool.run(new String[] {"show", "--secret", secret}, quiet(), quiet(),
                stack.engine().secretsManagerClient()), "show reads only the private set's kids");
    }

    private void assertPublicSetInStep() {
        SigningKeySet published = SigningKeySet.fromSecretJson(stack.engine().secretsManagerClient()
                .getSecretValue(r -> r.secretId(publicSecret)).secretString());
        assertFalse(published.canSign());
        assertEquals(stored().kids(), published.kids());
        assertEquals(stored().currentKid(), published.currentKid());
        assertEquals(stored().publicJwks(), published.publicJwks());
    }

    @Test
    void refusesToRetireTheCurrentKeyOrPromoteAnUnknownOne() {
        assertEquals(1, run("retire", oldKid));
        assertEquals(1, run("make-current", "nope"));
        assertEquals(Set.of(oldKid), stored().kids(), "a refused step changes nothing");
        assertEquals(2, SigningKeyTool.run(new String[] {"add"}, quiet(), quiet(), null), "no --secret: usage");
    }

    private int run(String... words) {
        String[] args = new String[words.length + 4];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--secret";
        args[words.length + 1] = secret;
        args[words.length + 2] = "--public-secret";
        args[words.length + 3] = publicSecret;
        return SigningKeyTool.run(args, quiet(), quiet(), stack.engine().secretsManagerClient());
    }

    private SigningKeySet stored() {
        return SigningKeySet.fromSecretJson(stack.engine().secretsManagerClient()
                .getSecretValue(r -> r.secretId(secret)).secretString());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
