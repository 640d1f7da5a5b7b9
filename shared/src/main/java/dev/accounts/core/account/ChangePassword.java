package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenService;
import java.time.Clock;
import java.time.Instant;

/**
 * dj-rest-auth's password change, safer: the old password is checked under the account's login lockout (a stolen
 * access token must not become a password oracle), and the change signs the user out everywhere, with a fresh
 * pair for the device that made it.
 */
public final class ChangePassword {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final Clock clock;

    public ChangePassword(UserStore users, PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle,
                          TokenService tokens, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.tokens = tokens;
        this.clock = clock;
    }

    public TokenPair change(User caller, ObjectNode body, String issuer) {
        Fields fields = new Fields(body);
        String oldPassword = fields.required("old_password");
        String newPassword = fields.required("new_password");
        fields.throwIfAny();

        String key = caller.usernameKey();
        LoginThrottle.Attempt attempt = throttle.begin(key);
        if (!hasher.verify(oldPassword, caller.passwordHash())) {
            Metrics.count(Metrics.Count.LOGIN_FAILURES);
            throttle.failed(attempt);
            throw Errors.oldPasswordIncorrect();
        }
        throttle.succeeded(attempt);
        policy.problems(newPassword, caller.username(), caller.email(), caller.firstName(), caller.lastName())
                .forEach(message -> fields.add("new_password", message));
        fields.throwIfAny();

        Instant signedOutAt = clock.instant();
        if (!users.changePassword(caller, caller.passwordHash(), hasher.hash(newPassword), signedOutAt)) {
            // Changed (or reset) meanwhile, or deleted: the old password just checked is no longer the password.
            throw Errors.oldPasswordIncorrect();
        }
        Metrics.count(Metrics.Count.PASSWORD_CHANGES);
        // Issued at or after signedOutAt, so the new pair outlives the sign-out it follows.
        return tokens.issue(caller.id(), tokens.newFamily(), issuer);
    }
}
