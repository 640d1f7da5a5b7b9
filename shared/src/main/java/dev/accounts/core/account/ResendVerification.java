package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.store.UserStore;

/**
 * resend-email: always the same answer in the same time; each account with the address that is not yet verified
 * gets a new verification e-mail, within its quota. Nothing is sent where verification is off.
 */
public final class ResendVerification {
    private final UserStore users;
    private final VerificationEmails verification;
    private final EqualTime equalTime;

    public ResendVerification(UserStore users, VerificationEmails verification, EqualTime equalTime) {
        this.users = users;
        this.verification = verification;
        this.equalTime = equalTime;
    }

    public void resend(ObjectNode body) {
        Fields fields = new Fields(body);
        String email = EmailAddresses.required(fields);
        fields.throwIfAny();

        long started = System.nanoTime();
        if (verification.enabled()) {
            users.findByEmail(EmailKeys.of(email)).stream()
                    .filter(user -> !user.emailVerified())
                    .forEach(verification::sendQuietly);
        }
        equalTime.waitOutFrom(started);
    }
}
