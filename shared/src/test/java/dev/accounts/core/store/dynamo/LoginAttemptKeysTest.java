package dev.accounts.core.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.account.Usernames;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A password typed into the username field lands in a failed-login counter's key. Keyed by an unsalted
 * SHA-256 it could be found again by hashing a dictionary; under an HMAC with the stack's login key it cannot.
 */
class LoginAttemptKeysTest {
    private static final TestStack STACK = TestStack.create();
    private static final String TYPED = "Tr0ub4dor&3-" + System.nanoTime();

    @Test
    void aFailedLoginIsCountedUnderAnHmacOfTheNameAndNotUnderItsDigest() throws Exception {
        STACK.services(MutableClock.startingNow()).loginThrottle().begin(Usernames.key(TYPED));

        String usernameKey = Usernames.key(TYPED);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(usernameKey.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STACK.keys().loginKey(), "HmacSHA256"));
        byte[] tag = mac.doFinal(usernameKey.getBytes(StandardCharsets.UTF_8));

        assertTrue(stored(tag), "the counter is keyed by HMAC-SHA256 under the stack's login key");
        assertFalse(stored(digest), "the counter must not be findable from the name alone");
    }

    @Test
    void anotherStackKeysTheSameNameDifferently() {
        TestStack other = TestStack.create();
        LoginAttemptKeys here = new LoginAttemptKeys(() -> STACK.keys().loginKey());
        LoginAttemptKeys there = new LoginAttemptKeys(() -> other.keys().loginKey());
        assertNotEquals(here.key("alice"), there.key("alice"));
        assertTrue(here.key("alice").equals(here.key("alice")));
    }

    private static boolean stored(byte[] hash) {
        String pk = "LOGIN#" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        Map<String, AttributeValue> item = STACK.services().dynamoDb().getItem(r -> r.tableName(STACK.usersTable())
                .key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }
}
