package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Sign-up: validates every field as the contract says (all failures at once), hashes, stores atomically. */
public final class CreateAccount {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    private final VerificationEmails verification;

    public CreateAccount(UserStore users, PasswordHasher hasher, PasswordPolicy policy, VerificationEmails verification,
                         Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.verification = verification;
        this.clock = clock;
    }

    public User create(ObjectNode body) {
        Fields fields = new Fields(body);
        String username = fields.required("username");
        String password = fields.required("password");
        String email = fields.optional("email");
        String firstName = fields.optional("first_name");
        String lastName = fields.optional("last_name");

        if (username != null) {
            String problem = Usernames.problem(username);
            if (problem != null) {
                fields.add("username", problem);
            } else if (users.usernameKeyTaken(Usernames.key(username))) {
                fields.add("username", Usernames.TAKEN);
            }
        }
        ProfileRules.check(fields, email, firstName, lastName);
        if (password != null) {
            List<String> problems = policy.problems(password, username == null ? "" : username, email, firstName, lastName);
            problems.forEach(message -> fields.add("password", message));
        }
        fields.throwIfAny();

        User user = new User(UUID.randomUUID().toString(), username, email, firstName, lastName,
                hasher.hash(password), clock.instant());
        try {
            users.create(user);
        } catch (UserStore.UsernameTakenException lostRace) {
            throw Errors.field("username", Usernames.TAKEN);
        }
        Metrics.count(Metrics.Count.SIGN_UPS);
        // The account exists now: an SES failure cannot undo it, so it is logged; resend-email sends another.
        verification.sendFirst(user);
        return user;
    }

}
