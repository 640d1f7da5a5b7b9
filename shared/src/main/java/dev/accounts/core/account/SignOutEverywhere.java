package dev.accounts.core.account;

import dev.accounts.core.contract.Errors;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.UserStore;
import java.time.Clock;

/**
 * logout-all: one write on the account, when its sessions ended. Every endpoint that authenticates, refresh and
 * verify then refuse the tokens issued before it, on the user read they make anyway.
 */
public final class SignOutEverywhere {
    private final UserStore users;
    private final Clock clock;

    public SignOutEverywhere(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public void signOut(User caller) {
        // "Every token issued up to now": one millisecond on, so a token of this very millisecond is refused too.
        if (!users.endSessions(caller.id(), clock.instant().plusMillis(1))) {
            throw Errors.userNotFound();
        }
        Metrics.count(Metrics.Count.SIGN_OUTS_EVERYWHERE);
    }
}
