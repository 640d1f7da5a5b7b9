package dev.accounts.core.account;

import dev.accounts.core.contract.Errors;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenService;
import java.time.Clock;

/** Deletes one's own account, and with it every refresh token it holds, in one transaction. */
public final class DeleteAccount {
    private final UserStore users;
    private final TokenService tokens;
    private final Clock clock;

    public DeleteAccount(UserStore users, TokenService tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** `targetId` is the path's {id}: anything but the caller's own id is refused, existing or not. */
    public void delete(User caller, String targetId) {
        if (!caller.id().equals(targetId)) {
            throw Errors.permissionDenied();
        }
        if (!users.deleteRevokingTokens(caller, tokens.revocationsKeptUntil(clock.instant()))) {
            throw Errors.userNotFound();
        }
        Metrics.count(Metrics.Count.REVOCATIONS);
    }
}
