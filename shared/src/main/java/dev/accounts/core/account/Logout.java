package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.token.RefreshTokenReader;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenService;
import java.time.Clock;

/** Logout: the caller revokes the login family of one of their own refresh tokens. */
public final class Logout {
    private final RefreshTokenReader reader;
    private final RevocationStore revocations;
    private final TokenService tokens;
    private final Clock clock;

    public Logout(RefreshTokenReader reader, RevocationStore revocations, TokenService tokens, Clock clock) {
        this.reader = reader;
        this.revocations = revocations;
        this.tokens = tokens;
        this.clock = clock;
    }

    public void logout(User caller, ObjectNode body, String issuer) {
        TokenClaims refresh = reader.read(body, issuer);
        if (!refresh.userId().equals(caller.id())) {
            throw Errors.permissionDenied();
        }
        // Revoking the family ends this token and every one rotated from the same login. A token that was
        // already spent or revoked is refused as simplejwt refuses a blacklisted one, and its family is revoked.
        boolean wasLive = !caller.signedOutSince(refresh.sessionStart()) && !revocations.isRevoked(refresh);
        boolean newlyRevoked = revocations.revokeFamily(refresh.family(), refresh.userId(),
                tokens.revocationsKeptUntil(clock.instant()));
        if (!wasLive || !newlyRevoked) {
            throw Errors.tokenBlacklisted();
        }
        Metrics.count(Metrics.Count.REVOCATIONS);
    }
}
