package dev.accounts.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoRevocationStoreTest {
    private final TestStack stack = TestStack.create();
    private final MutableClock clock = MutableClock.startingNow();
    private final EnvironmentWiring services = stack.services(clock);
    private final RevocationStore revocations = services.revocations();
    private final User user = new User(UUID.randomUUID().toString(), "erin", "", "", "", "hash", Instant.now());

    DynamoRevocationStoreTest() throws Exception {
        services.users().create(user);
    }

    // Concurrent spends are tested in reliability/RefreshRaceTest, through a relay that serialises writes to one
    // item as DynamoDB does: moto alone lets two conditional transactions on one item both succeed now and then.

    @Test
    void aTokenIsSpentOnce() {
        TokenClaims token = refresh("fam-1");
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(token, clock.instant()));
        assertEquals(RevocationStore.SpendOutcome.ALREADY_SPENT, revocations.spend(token, clock.instant()));
        assertTrue(revocations.isRevoked(token));
    }

    /** At the second of its `exp` a token still verifies (it expires after it): it must still be known as spent. */
    @Test
    void aSpentTokenStaysSpentAtTheSecondItExpires() {
        TokenClaims token = refresh("fam-2");
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(token, clock.instant()));

        clock.advance(Duration.between(clock.instant(), token.expiresAt()));
        assertEquals(token.expiresAt(), clock.instant());
        assertTrue(revocations.isRevoked(token));
        assertEquals(RevocationStore.SpendOutcome.ALREADY_SPENT, revocations.spend(token, clock.instant()));
    }

    @Test
    void aRevokedFamilyStopsItsTokensUntilTheRecordExpires() {
        TokenClaims token = refresh("fam-3");
        assertTrue(revocations.revokeFamily("fam-3", user.id(), clock.instant().plus(Duration.ofHours(1))));
        assertFalse(revocations.revokeFamily("fam-3", user.id(), clock.instant().plus(Duration.ofHours(1))));
        assertTrue(revocations.isRevoked(token));
        assertEquals(RevocationStore.SpendOutcome.REVOKED, revocations.spend(token, clock.instant()));
        clock.advance(Duration.ofHours(2));
        assertFalse(revocations.isRevoked(refresh("fam-3")), "an expired record counts as absent, TTL or not");
    }

    @Test
    void aDeletedUsersTokensCannotBeSpent() {
        services.users().deleteRevokingTokens(user, clock.instant().plus(Duration.ofDays(1)));
        assertEquals(RevocationStore.SpendOutcome.USER_GONE, revocations.spend(refresh("fam-4"), clock.instant()));
    }

    private TokenClaims refresh(String family) {
        // `exp` in whole seconds, as tokens carry it
        return new TokenClaims(TokenType.REFRESH, user.id(), UUID.randomUUID().toString(), family, clock.instant(),
                clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
