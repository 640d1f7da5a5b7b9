package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.json.Json;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.DjangoPasswords;
import dev.accounts.core.testing.StdoutCapture;
import dev.accounts.core.testing.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A user who kept a Django hash logs in with the old password and leaves with an Argon2id hash. */
class LoginHashUpgradeTest {
    private static final String PASSWORD = "violet-Harbor-92-lantern";

    private final TestStack stack = TestStack.create();
    private final EnvironmentWiring services = stack.services();
    private final Accounts accounts = new Accounts(services);

    @Test
    void aDjangoHashedUserLogsInAndTheHashBecomesArgon2id() throws Exception {
        User migrated = djangoUser(Accounts.uniqueName("django"));
        services.users().create(migrated);

        assertNotNull(accounts.login(migrated.username(), PASSWORD).access());

        String stored = services.users().findById(migrated.id()).orElseThrow().passwordHash();
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "upgraded: " + stored.substring(0, 10));
        assertNotNull(accounts.login(migrated.username(), PASSWORD).access(), "the new hash holds the same password");
        ApiException wrong = assertThrows(ApiException.class, () -> accounts.login(migrated.username(), "wrong-pw-123"));
        assertEquals(401, wrong.status());
    }

    @Test
    void aWrongPasswordLeavesTheDjangoHashAlone() throws Exception {
        User migrated = djangoUser(Accounts.uniqueName("django"));
        services.users().create(migrated);

        assertThrows(ApiException.class, () -> accounts.login(migrated.username(), "not-the-password-1"));

        assertEquals(migrated.passwordHash(), services.users().findById(migrated.id()).orElseThrow().passwordHash());
    }

    @Test
    void aFailedUpgradeWriteStillLetsTheUserInAndLogsNoSecret() throws Exception {
        User migrated = djangoUser(Accounts.uniqueName("django"));
        services.users().create(migrated);
        Login login = new Login(new UpgradeFailingStore(services.users()), services.passwordHasher(),
                new LoginThrottle(services.loginAttempts(), Clock.systemUTC()), services.tokens(),
                new EqualTime(EqualTime.FAILED_LOGIN), false);

        String log;
        try (StdoutCapture out = StdoutCapture.start()) {
            var body = Json.MAPPER.createObjectNode()
                    .put("username", migrated.username()).put("password", PASSWORD);
            assertNotNull(login.login(body, accounts.issuer()).access());
            log = out.text();
        }

        assertTrue(log.contains("password hash upgrade failed"), log);
        assertTrue(log.contains(migrated.id()), log);
        assertFalse(log.contains(PASSWORD) || log.contains("pbkdf2") || log.contains("argon2"), log);
        assertEquals(migrated.passwordHash(), services.users().findById(migrated.id()).orElseThrow().passwordHash());
    }

    private static User djangoUser(String username) {
        return new User(UUID.randomUUID().toString(), username, "", "", "", DjangoPasswords.pbkdf2Sha256(PASSWORD),
                Instant.now());
    }

    /** The real store, except that the hash replacement fails as an unreachable table would. */
    private record UpgradeFailingStore(UserStore real) implements UserStore {
        @Override
        public void create(User user) throws UsernameTakenException {
            real.create(user);
        }

        @Override
        public Optional<User> findById(String id) {
            return real.findById(id);
        }

        @Override
        public Optional<User> findByUsernameKey(String usernameKey) {
            return real.findByUsernameKey(usernameKey);
        }

        @Override
        public boolean usernameKeyTaken(String usernameKey) {
            return real.usernameKeyTaken(usernameKey);
        }

        @Override
        public boolean wasDeleted(String id) {
            return real.wasDeleted(id);
        }

        @Override
        public boolean deleteRevokingTokens(User user, Instant revokeUntil) {
            return real.deleteRevokingTokens(user, revokeUntil);
        }

        @Override
        public void replacePasswordHash(User user, String expectedOldHash) {
            throw new StorageUnavailableException("replace password hash", new RuntimeException("unreachable"));
        }

        @Override
        public boolean changePassword(User user, String expectedOldHash, String newHash, Instant sessionsEndedAt) {
            return real.changePassword(user, expectedOldHash, newHash, sessionsEndedAt);
        }

        @Override
        public boolean endSessions(String userId, Instant at) {
            return real.endSessions(userId, at);
        }

        @Override
        public boolean updateProfile(User updated) {
            return real.updateProfile(updated);
        }

        @Override
        public java.util.List<User> findByEmail(String emailKey) {
            return real.findByEmail(emailKey);
        }
    }
}
