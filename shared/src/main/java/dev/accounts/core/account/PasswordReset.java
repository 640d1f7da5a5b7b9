package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.config.MailSettings;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.mail.Email;
import dev.accounts.core.mail.MailTemplates;
import dev.accounts.core.mail.MailUnavailableException;
import dev.accounts.core.mail.Mailer;
import dev.accounts.core.store.MailQuotaStore;
import dev.accounts.core.store.PasswordResetStore;
import dev.accounts.core.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * password-reset: the same answer in the same time whether or not an account has the address, so nobody learns
 * which addresses are registered. Each account with it gets a new single-use token (replacing an older one) by
 * e-mail, within its quota. An SES failure is logged and counted, never answered: that too would tell.
 */
public final class PasswordReset {
    private final UserStore users;
    private final PasswordResetStore resets;
    private final QuotaMail quotaMail;
    private final Optional<Mailer> mailer;
    private final MailSettings settings;
    private final EqualTime equalTime;
    private final Clock clock;

    public PasswordReset(UserStore users, PasswordResetStore resets, MailQuotaStore quota, Optional<Mailer> mailer,
                         MailSettings settings, EqualTime equalTime, Clock clock) {
        this.users = users;
        this.resets = resets;
        this.quotaMail = new QuotaMail(quota, clock);
        this.mailer = mailer;
        this.settings = settings;
        this.equalTime = equalTime;
        this.clock = clock;
    }

    public void request(ObjectNode body) {
        if (mailer.isEmpty()) {
            throw Errors.passwordResetNotConfigured();
        }
        Fields fields = new Fields(body);
        String email = EmailAddresses.required(fields);
        fields.throwIfAny();

        long started = System.nanoTime();
        for (User user : users.findByEmail(EmailKeys.of(email))) {
            sendReset(user);
        }
        equalTime.waitOutFrom(started);
    }

    private void sendReset(User user) {
        try {
            if (quotaMail.send(mailer.orElseThrow(), MailQuotaStore.Purpose.PASSWORD_RESET, user.id(),
                    () -> resetEmail(user))) {
                Metrics.count(Metrics.Count.PASSWORD_RESET_EMAILS);
            }
        } catch (MailUnavailableException e) {
            JsonLog.warn("password reset e-mail not sent", Map.of("userId", user.id(), "error", e.getMessage()));
        }
    }

    private Email resetEmail(User user) {
        String token = newToken(user);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", user.username());
        values.put("uid", user.id());
        values.put("token", token);
        values.put("lifetime", describe(settings.passwordResetTokenLifetime()));
        values.put("link", Links.to(settings.passwordResetUrl(), linkQuery(user.id(), token)));
        return MailTemplates.render(MailTemplates.PASSWORD_RESET, user.email(), values);
    }

    /**
     * A new single-use token for the account, kept only as its digest and replacing any older one; the token itself
     * is for the e-mail (public for tools that stand in for the mailbox, as the cold-start benchmark does).
     */
    public String newToken(User user) {
        String token = OneTimeSecrets.newSecret();
        resets.replaceToken(user.id(), OneTimeSecrets.digest(token),
                clock.instant().plus(settings.passwordResetTokenLifetime()));
        return token;
    }

    private static Map<String, String> linkQuery(String uid, String token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("uid", uid);
        query.put("token", token);
        return query;
    }

    /** "1 hour", "30 minutes": the lifetime in the e-mail's words. */
    static String describe(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        if (minutes >= 60 && minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return Math.max(1, minutes) + (minutes == 1 ? " minute" : " minutes");
    }
}
