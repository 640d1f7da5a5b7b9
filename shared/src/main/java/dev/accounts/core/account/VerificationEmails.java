package dev.accounts.core.account;

import dev.accounts.core.config.MailSettings;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.mail.Email;
import dev.accounts.core.mail.MailTemplates;
import dev.accounts.core.mail.MailUnavailableException;
import dev.accounts.core.mail.Mailer;
import dev.accounts.core.store.EmailVerificationStore;
import dev.accounts.core.store.MailQuotaStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a verification e-mail is sent from (sign-up, an address change, resend-email): a new key, stored
 * as a digest for {@link #KEY_LIFETIME}, mailed as a link to the app's page, within the account's quota.
 */
public final class VerificationEmails {
    /** django-allauth's ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS default. */
    public static final Duration KEY_LIFETIME = Duration.ofDays(3);

    private final EmailVerificationStore keys;
    private final QuotaMail quotaMail;
    private final Optional<Mailer> mailer;
    private final MailSettings settings;
    private final Clock clock;

    public VerificationEmails(EmailVerificationStore keys, MailQuotaStore quota, Optional<Mailer> mailer,
                              MailSettings settings, Clock clock) {
        this.keys = keys;
        this.quotaMail = new QuotaMail(quota, clock);
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether accounts get verification e-mails: EmailVerification optional or mandatory, and a sender set. */
    public boolean enabled() {
        return settings.sendsVerification() && mailer.isPresent();
    }

    /**
     * Sends one for the account's current address, if the quota of that account and address allows (one a minute,
     * ten a day, as for resets): false when it does not (nothing sent). When SES fails the quota is given back and
     * the failure thrown: the caller decides who may learn of it.
     */
    public boolean send(User user) throws MailUnavailableException {
        return send(user, true);
    }

    /**
     * The e-mail a new account gets at sign-up, outside the quota: its first, so that a resend right after it
     * (django-allauth's "didn't get it?") still goes. Failures are logged, as the account exists already.
     */
    public void sendFirst(User user) {
        try {
            send(user, false);
        } catch (MailUnavailableException e) {
            JsonLog.warn("verification e-mail not sent", Map.of("userId", user.id(), "error", e.getMessage()));
        }
    }

    private boolean send(User user, boolean withinQuota) throws MailUnavailableException {
        if (!enabled() || user.email().isEmpty()) {
            return false;
        }
        if (withinQuota) {
            // Per account and address: a changed address gets its own e-mail even right after one to the old one.
            String holder = user.id() + "#" + OneTimeSecrets.digest(EmailKeys.of(user.email()));
            if (!quotaMail.send(mailer.orElseThrow(), MailQuotaStore.Purpose.EMAIL_VERIFICATION, holder,
                    () -> verificationEmail(user))) {
                return false;
            }
        } else {
            QuotaMail.sendCounted(mailer.orElseThrow(), verificationEmail(user));
        }
        Metrics.count(Metrics.Count.VERIFICATION_EMAILS);
        return true;
    }

    private Email verificationEmail(User user) {
        String key = newKey(user);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", user.username());
        values.put("email", user.email());
        values.put("key", key);
        values.put("link", Links.to(settings.emailVerificationUrl(), Map.of("key", key)));
        return MailTemplates.render(MailTemplates.EMAIL_VERIFICATION, user.email(), values);
    }

    /**
     * A new key for the account's current address, kept only as its digest for {@link #KEY_LIFETIME}; the key itself
     * is for the e-mail (public for tools that stand in for the mailbox, as the cold-start benchmark does).
     */
    public String newKey(User user) {
        String key = OneTimeSecrets.newSecret();
        keys.putKey(OneTimeSecrets.digest(key), user.id(), user.email(), clock.instant().plus(KEY_LIFETIME));
        return key;
    }

    /** As {@link #send}, where the caller must not learn of a failure: logged (the account id only) instead. */
    public void sendQuietly(User user) {
        try {
            send(user);
        } catch (MailUnavailableException e) {
            JsonLog.warn("verification e-mail not sent", Map.of("userId", user.id(), "error", e.getMessage()));
        }
    }
}
