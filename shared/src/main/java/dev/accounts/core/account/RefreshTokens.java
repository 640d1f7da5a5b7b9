package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.token.RefreshTokenReader;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Refresh with rotation: the presented token is spent by one conditional write (its family moves to the next
 * generation) and a new pair issued in the same family and session. A token presented again after being spent is taken as stolen (RFC 9700 §4.14.2): its whole
 * family is revoked. Except after a 503 of the spend itself: it may have committed with its answer lost (a
 * timeout, a dropped connection), and the client retries as told, with the token it still holds. That 503 leaves
 * a note for {@link #RETRY_GRACE}; a retry meeting its own spent token while the note lasts is refused (exactly
 * one refresh of a token succeeds) but not taken as theft: the login is not revoked and no reuse is counted.
 */
public final class RefreshTokens {
    /**
     * Covers the retry of a spend whose answer was lost: the 503 comes at most ~5 s after the spend began
     * (RequestDeadline), the client waits Retry-After (1 s) and sends again. Short, because a thief replaying the
     * same token in it is not caught.
     */
    public static final Duration RETRY_GRACE = Duration.ofSeconds(10);

    private final RefreshTokenReader reader;
    private final RevocationStore revocations;
    private final TokenService tokens;
    private final Clock clock;

    public RefreshTokens(RefreshTokenReader reader, RevocationStore revocations, TokenService tokens, Clock clock) {
        this.reader = reader;
        this.revocations = revocations;
        this.tokens = tokens;
        this.clock = clock;
    }

    public TokenPair refresh(ObjectNode body, String issuer) {
        TokenClaims presented = reader.read(body, issuer);
        Instant now = clock.instant();
        RevocationStore.SpendOutcome outcome;
        try {
            outcome = revocations.spend(presented, now);
        } catch (StorageUnavailableException answerLost) {
            revocations.noteUncertainSpend(presented, clock.instant().plus(RETRY_GRACE));
            throw answerLost;
        }
        switch (outcome) {
            case SPENT -> {
                Metrics.count(Metrics.Count.REFRESHES);
                return tokens.rotate(presented, issuer);
            }
            case ALREADY_SPENT -> {
                if (revocations.spendWasUncertain(presented)) {
                    JsonLog.info("refresh retried within the grace window", Map.of("userId", presented.userId()));
                    throw Errors.tokenBlacklisted();
                }
                Metrics.count(Metrics.Count.REUSE_DETECTIONS);
                revocations.revokeFamily(presented.family(), presented.userId(), tokens.revocationsKeptUntil(now));
                throw Errors.tokenBlacklisted();
            }
            default -> throw Errors.tokenBlacklisted();
        }
    }
}
