package dev.accounts.core.account;

import static dev.accounts.core.testing.Responses.assertRefused;

import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A refresh presented again just after a 503 of its spend (which had committed, its answer lost) is refused
 * without ending the login; later, it is theft as before. The 503 itself is made in reliability/StorageFaultsTest. And a revocation outlives every token it
 * covers, even tokens issued under a longer lifetime than the one configured now.
 */
class RefreshRetryAndRevocationLifetimeTest {
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";
    private static final TestStack STACK = TestStack.create();

    private final MutableClock clock = MutableClock.startingNow();
    private final EnvironmentWiring services = STACK.services(clock);
    private final Accounts accounts = new Accounts(services);

    /** The refresh's spend answered 503 (its answer lost after the commit): the client's retry comes next. */
    @Test
    void aRetryAfterALostSpendAnswerIsRefusedWithoutEndingTheLogin() {
        TokenPair login = accounts.session(accounts.signUp(Accounts.uniqueName("retry")));
        TokenPair next = accounts.refresh(login.refresh());
        services.revocations().noteUncertainSpend(login.refreshClaims(), clock.instant().plus(RefreshTokens.RETRY_GRACE));

        clock.advance(RefreshTokens.RETRY_GRACE.minusSeconds(1));
        assertRefused(() -> accounts.refresh(login.refresh()), 401, BLACKLISTED);

        accounts.refresh(next.refresh());
    }

    @Test
    void aReplayAfterTheGraceWindowEndsTheLogin() {
        TokenPair login = accounts.session(accounts.signUp(Accounts.uniqueName("replay")));
        TokenPair next = accounts.refresh(login.refresh());
        services.revocations().noteUncertainSpend(login.refreshClaims(), clock.instant().plus(RefreshTokens.RETRY_GRACE));

        clock.advance(RefreshTokens.RETRY_GRACE.plusSeconds(1));
        assertRefused(() -> accounts.refresh(login.refresh()), 401, BLACKLISTED);

        assertRefused(() -> accounts.refresh(next.refresh()), 401, BLACKLISTED);
    }

    /** An operator shortens the refresh lifetime from a day to 5 minutes: a logout must still hold for a day. */
    @Test
    void aLogoutOutlivesTokensIssuedUnderALongerLifetime() {
        var user = accounts.signUp(Accounts.uniqueName("shortened"));
        TokenPair dayLong = accounts.session(user);
        Accounts shortened = new Accounts(STACK.with("REFRESH_TOKEN_LIFETIME_SECONDS", "300").services(clock));

        shortened.logout(user, dayLong.refresh());
        clock.advance(Duration.ofHours(1));

        assertRefused(() -> accounts.refresh(dayLong.refresh()), 401, BLACKLISTED);
    }
}
