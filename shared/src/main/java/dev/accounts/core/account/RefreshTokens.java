package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.token.RefreshTokenReader;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenService;
import java.time.Clock;

/**
 * Refresh with rotation: the presented token is spent in one conditional write and a new pair issued in the
 * same family. A token presented again after being spent is taken as stolen (RFC 9700 §4.14.2): its whole
 * family is revoked.
 */
public final class RefreshTokens {
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
        switch (revocations.spend(presented)) {
            case SPENT -> {
                Metrics.count(Metrics.Count.REFRESHES);
                return tokens.issue(presented.userId(), presented.family(), issuer);
            }
            case ALREADY_SPENT -> {
                Metrics.count(Metrics.Count.REUSE_DETECTIONS);
                revocations.revokeFamily(presented.family(), presented.userId(),
                        clock.instant().plus(tokens.refreshLifetime()));
                throw Errors.tokenBlacklisted();
            }
            default -> throw Errors.tokenBlacklisted();
        }
    }
}
