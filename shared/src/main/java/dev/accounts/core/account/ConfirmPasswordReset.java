package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.PasswordResetStore;
import dev.accounts.core.store.UserStore;
import java.time.Clock;
import java.util.Optional;

/**
 * password-reset/confirm: the e-mailed token is the credential. The new password follows the sign-up rules; the
 * token is spent, the password set, every session ended and the login lockout cleared in one transaction, so of
 * two simultaneous confirms exactly one succeeds.
 */
public final class ConfirmPasswordReset {
    private final UserStore users;
    private final PasswordResetStore resets;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final boolean configured;
    private final Clock clock;

    public ConfirmPasswordReset(UserStore users, PasswordResetStore resets, PasswordHasher hasher,
                                PasswordPolicy policy, boolean configured, Clock clock) {
        this.users = users;
        this.resets = resets;
        this.hasher = hasher;
        this.policy = policy;
        this.configured = configured;
        this.clock = clock;
    }

    public void confirm(ObjectNode body) {
        if (!configured) {
            throw Errors.passwordResetNotConfigured();
        }
        Fields fields = new Fields(body);
        String uid = fields.required("uid");
        String token = fields.required("token");
        String newPassword = fields.required("new_password");
        fields.throwIfAny();

        // Ids and tokens are ours: anything longer than ours names no account (and must not reach a key).
        Optional<User> user = OneTimeSecrets.plausible(uid) && OneTimeSecrets.plausible(token)
                ? users.findById(uid) : Optional.empty();
        if (user.isEmpty()) {
            throw Errors.invalidResetToken();
        }
        User account = user.get();
        policy.problems(newPassword, account.username(), account.email(), account.firstName(), account.lastName())
                .forEach(message -> fields.add("new_password", message));
        fields.throwIfAny();
        if (!resets.resetPassword(account, OneTimeSecrets.digest(token), hasher.hash(newPassword), clock.instant())) {
            throw Errors.invalidResetToken();
        }
        Metrics.count(Metrics.Count.PASSWORD_RESETS);
    }
}
