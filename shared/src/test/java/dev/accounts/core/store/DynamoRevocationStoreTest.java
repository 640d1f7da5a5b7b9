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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    @Test
    void eachGenerationIsSpentOnceAndEveryEarlierOneStaysSpent() {
        TokenClaims login = refresh("fam-5");
        TokenClaims first = refresh("fam-5", 1);
        TokenClaims second = refresh("fam-5", 2);
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(login, clock.instant()));
        assertFalse(revocations.isRevoked(first), "the successor is live");
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(first, clock.instant()));

        assertEquals(RevocationStore.SpendOutcome.ALREADY_SPENT, revocations.spend(login, clock.instant()));
        assertEquals(RevocationStore.SpendOutcome.ALREADY_SPENT, revocations.spend(first, clock.instant()));
        assertTrue(revocations.isRevoked(login));
        assertTrue(revocations.isRevoked(first));
        assertFalse(revocations.isRevoked(second));
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(second, clock.instant()));
    }

    @Test
    void aRevokedFamilyRefusesItsCurrentGeneration() {
        TokenClaims login = refresh("fam-6");
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(login, clock.instant()));
        assertTrue(revocations.revokeFamily("fam-6", user.id(), clock.instant().plus(Duration.ofDays(31))),
                "a family at some generation is not yet revoked");
        assertFalse(revocations.revokeFamily("fam-6", user.id(), clock.instant().plus(Duration.ofDays(31))));
        assertTrue(revocations.isRevoked(refresh("fam-6", 1)));
        assertEquals(RevocationStore.SpendOutcome.REVOKED, revocations.spend(refresh("fam-6", 1), clock.instant()));
    }

    /** Spent before generations existed: the JTI# record written then still refuses the token. */
    @Test
    void aTokenSpentBeforeGenerationsStaysSpent() {
        TokenClaims legacy = refresh("fam-7");
        stack.dynamoDb().putItem(r -> r.tableName(stack.revokedTokensTable()).item(Map.of(
                "pk", AttributeValue.fromS("JTI#" + legacy.jti()),
                "user_id", AttributeValue.fromS(user.id()),
                "expires_at", AttributeValue.fromN(Long.toString(legacy.expiresAt().getEpochSecond() + 300)))));
        assertTrue(revocations.isRevoked(legacy));
        assertEquals(RevocationStore.SpendOutcome.ALREADY_SPENT, revocations.spend(legacy, clock.instant()));
    }

    @Test
    void aSessionBegunBeforeTheUserSignedOutEverywhereCannotSpendEvenATokenIssuedAfter() {
        Instant sessionStart = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        services.users().endSessions(user.id(), clock.instant());
        clock.advance(Duration.ofSeconds(5));
        TokenClaims issuedAfter = new TokenClaims(TokenType.REFRESH, user.id(), UUID.randomUUID().toString(), "fam-8",
                1, sessionStart, clock.instant(), clock.instant().plus(Duration.ofDays(1)));
        assertEquals(RevocationStore.SpendOutcome.USER_GONE, revocations.spend(issuedAfter, clock.instant()));
        assertEquals(RevocationStore.SpendOutcome.SPENT, revocations.spend(refresh("fam-9"), clock.instant()),
                "a session begun after it");
    }

    private TokenClaims refresh(String family) {
        // `exp` in whole seconds, as tokens carry it
        return refresh(family, 0);
    }

    private TokenClaims refresh(String family, long generation) {
        return new TokenClaims(TokenType.REFRESH, user.id(), UUID.randomUUID().toString(), family, generation,
                clock.instant(), clock.instant(),
                clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
