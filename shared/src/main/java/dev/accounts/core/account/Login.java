package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenService;
import java.util.Map;
import java.util.Optional;

/**
 * Login: one answer, and one time, for wrong passwords and unknown users alike: every refused password verdict
 * ends no earlier than {@link EqualTime#FAILED_LOGIN} after the login began, so neither an unknown name nor an
 * account still on a Django hash (whose check costs several Argon2id ones) shows in the timing. The lockout is
 * counted first, and a new login family is issued. A hash in an older scheme is upgraded on success.
 */
public final class Login {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final EqualTime refusalTime;
    private final boolean verifiedEmailRequired;

    public Login(UserStore users, PasswordHasher hasher, LoginThrottle throttle, TokenService tokens,
                 EqualTime refusalTime, boolean verifiedEmailRequired) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.refusalTime = refusalTime;
        this.verifiedEmailRequired = verifiedEmailRequired;
    }

    public TokenPair login(ObjectNode body, String issuer) {
        Fields fields = new Fields(body);
        String username = fields.required("username");
        String password = fields.required("password");
        fields.throwIfAny();

        long started = System.nanoTime();
        String key = Usernames.key(username);
        LoginThrottle.Attempt attempt = throttle.begin(key);
        // A name sign-up refuses belongs to no account (and may not even fit in a DynamoDB key): not looked up.
        Optional<User> user = Usernames.problem(username) == null ? users.findByUsernameKey(key) : Optional.empty();
        boolean matches;
        if (user.isPresent()) {
            matches = hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.verifyAgainstDummy(password);
            matches = false;
        }
        if (!matches) {
            Metrics.count(Metrics.Count.LOGIN_FAILURES);
            throttle.failed(attempt);
            refusalTime.waitOutFrom(started);
            throw Errors.noActiveAccount();
        }
        throttle.succeeded(attempt);
        upgradeHashIfDue(user.get(), password);
        if (verifiedEmailRequired && !user.get().emailVerified()) {
            // EmailVerification mandatory: the right password, and still no tokens until the address is proven.
            throw Errors.emailNotVerified();
        }
        Metrics.count(Metrics.Count.LOGINS);
        return tokens.issue(user.get().id(), tokens.newFamily(), issuer);
    }

    /**
     * A hash in an older scheme (pbkdf2_sha256 from Django) is replaced now, the one moment the password is
     * known. Best effort: if the write fails the old hash still verifies, and the next login tries again.
     */
    private void upgradeHashIfDue(User user, String password) {
        String oldHash = user.passwordHash();
        if (!hasher.needsUpgrade(oldHash)) {
            return;
        }
        try {
            users.replacePasswordHash(user.withPasswordHash(hasher.hash(password)), oldHash);
            JsonLog.info("password hash upgraded", Map.of("userId", user.id()));
        } catch (RuntimeException e) {
            // The class name only: neither hash nor password belongs in a log.
            JsonLog.warn("password hash upgrade failed", Map.of("userId", user.id(),
                    "error", e.getClass().getSimpleName()));
        }
    }
}
