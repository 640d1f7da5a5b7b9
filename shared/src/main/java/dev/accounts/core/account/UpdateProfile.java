package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.mail.MailUnavailableException;
import dev.accounts.core.store.UserStore;
import java.util.List;
import java.util.Objects;

/**
 * PATCH /account/me: any of email, first_name, last_name with the sign-up rules; a changed address is unverified
 * until verified again. The verification e-mail goes before the change is stored, so that an SES failure is a 503
 * with nothing changed, safe to retry.
 */
public final class UpdateProfile {
    /** Set only at sign-up (the username) or by change-password and reset (the password). */
    static final List<String> NOT_HERE = List.of("username", "password");

    private final UserStore users;
    private final VerificationEmails verification;

    public UpdateProfile(UserStore users, VerificationEmails verification) {
        this.users = users;
        this.verification = verification;
    }

    public User update(User caller, ObjectNode body) {
        List<String> refused = NOT_HERE.stream().filter(body::has).toList();
        if (!refused.isEmpty()) {
            throw Errors.cannotBeChangedHere(refused);
        }
        Fields fields = new Fields(body);
        String email = body.has("email") ? fields.optional("email") : caller.email();
        String firstName = body.has("first_name") ? fields.optional("first_name") : caller.firstName();
        String lastName = body.has("last_name") ? fields.optional("last_name") : caller.lastName();
        ProfileRules.check(fields, email, firstName, lastName);
        fields.throwIfAny();

        boolean sameAddress = Objects.equals(EmailKeys.of(email), EmailKeys.of(caller.email()));
        User updated = caller.withProfile(email, firstName, lastName, sameAddress && caller.emailVerified());
        if (!sameAddress) {
            try {
                verification.send(updated);
            } catch (MailUnavailableException e) {
                throw new StorageUnavailableException("send verification e-mail", e);
            }
        }
        if (!users.updateProfile(updated)) {
            throw Errors.userNotFound();
        }
        return updated;
    }
}
