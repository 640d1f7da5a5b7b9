package dev.accounts.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.account.User;
import dev.accounts.core.testing.TestStack;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The users store against a real DynamoDB endpoint (moto here, LocalStack where Docker runs). */
class DynamoUserStoreTest {
    private final TestStack stack = TestStack.create();
    private final UserStore users = stack.services().users();

    @Test
    void storesAndFindsAUserByIdAndByNormalisedName() throws Exception {
        User alice = user("Alice");
        users.create(alice);
        assertEquals(alice.username(), users.findById(alice.id()).orElseThrow().username());
        assertEquals(alice.id(), users.findByUsernameKey("alice").orElseThrow().id());
        assertTrue(users.usernameKeyTaken("alice"));
        assertEquals("hash", users.findById(alice.id()).orElseThrow().passwordHash());
    }

    @Test
    void aTakenNameWritesNothing() throws Exception {
        User first = user("bob");
        users.create(first);
        User second = user("BOB");
        assertThrows(UserStore.UsernameTakenException.class, () -> users.create(second));
        assertTrue(users.findById(second.id()).isEmpty(), "the loser's account item must not exist");
        assertEquals(first.id(), users.findByUsernameKey("bob").orElseThrow().id(), "the claim still names the first");
        assertEquals(1, countItems("NAME#"), "one claim, not overwritten");
        assertEquals(1, countItems("USER#"), "one account");
    }

    // Concurrent sign-ups for one name: reliability/SignUpRaceTest, through a relay that serialises writes to one
    // item as DynamoDB does (moto alone does not, so a race test straight against it fails now and then).

    @Test
    void deletionFreesTheNameAndRevokesTheUsersTokens() throws Exception {
        User dave = user("dave");
        users.create(dave);
        assertTrue(users.deleteRevokingTokens(dave, Instant.now().plusSeconds(3600)));
        assertTrue(users.findById(dave.id()).isEmpty());
        assertFalse(users.usernameKeyTaken("dave"));
        var revoked = stack.dynamoDb().getItem(r -> r.tableName(stack.revokedTokensTable())
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        "USER#" + dave.id())))).item();
        assertFalse(revoked.isEmpty(), "a user revocation record is written in the same transaction");
        assertFalse(users.deleteRevokingTokens(dave, Instant.now().plusSeconds(3600)), "already gone");
        users.create(user("dave"));
    }

    @Test
    void aDeletedIdNeverComesBack() throws Exception {
        User migrated = user("erin");
        users.create(migrated);
        assertFalse(users.wasDeleted(migrated.id()));
        assertTrue(users.deleteRevokingTokens(migrated, Instant.now().plusSeconds(3600)));

        assertTrue(users.wasDeleted(migrated.id()));
        User again = new User(migrated.id(), "erin", "", "", "", "hash", Instant.now());
        assertThrows(UserStore.AccountDeletedException.class, () -> users.create(again));
        assertTrue(users.findById(migrated.id()).isEmpty(), "the account is not written back");
        assertFalse(users.usernameKeyTaken("erin"), "nor its name claimed");
    }

    private long countItems(String prefix) {
        return stack.dynamoDb().scan(r -> r.tableName(stack.usersTable())).items().stream()
                .filter(item -> item.get("pk").s().startsWith(prefix)).count();
    }

    private static User user(String name) {
        return new User(UUID.randomUUID().toString(), name, "", "", "", "hash", Instant.now());
    }
}
