package dev.accounts.bench;

import dev.accounts.core.account.User;
import dev.accounts.core.wiring.EnvironmentWiring;

/**
 * The secrets a user would find in an e-mail, made and stored by the core's own use-cases (a digest kept, the
 * secret returned) without sending anything: what the confirm and verify events carry in place of a mailbox.
 */
final class MailedSecrets {
    private final EnvironmentWiring services;

    MailedSecrets(EnvironmentWiring services) {
        this.services = services;
    }

    /** A live password reset token for the user, as password-reset would mail it. */
    String resetToken(User user) {
        return services.passwordReset().newToken(user);
    }

    /** A live verification key for the user's current address, as a verification e-mail would carry it. */
    String verificationKey(User user) {
        return services.verificationEmails().newKey(user);
    }
}
