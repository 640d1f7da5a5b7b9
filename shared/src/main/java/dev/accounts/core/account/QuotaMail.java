package dev.accounts.core.account;

import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.mail.Email;
import dev.accounts.core.mail.MailUnavailableException;
import dev.accounts.core.mail.Mailer;
import dev.accounts.core.store.MailQuotaStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one way a lifecycle e-mail goes out within its quota: the slot is reserved first (one conditional write, so
 * parallel requests cannot spend it twice), then the e-mail is prepared (the secret it carries stored) and sent;
 * when preparing or sending fails, the slot is given back, so the caller's retry is not refused as too soon.
 */
final class QuotaMail {
    private final MailQuotaStore quota;
    private final Clock clock;

    QuotaMail(MailQuotaStore quota, Clock clock) {
        this.quota = quota;
        this.clock = clock;
    }

    /** True when sent; false, with nothing stored or sent, when the quota of {@code holder} is spent. */
    boolean send(Mailer mailer, MailQuotaStore.Purpose purpose, String holder, Supplier<Email> prepare)
            throws MailUnavailableException {
        Instant reservedAt = clock.instant();
        if (!quota.reserve(purpose, holder, reservedAt)) {
            Metrics.count(Metrics.Count.EMAILS_OVER_QUOTA);
            return false;
        }
        try {
            sendCounted(mailer, prepare.get());
            return true;
        } catch (MailUnavailableException | RuntimeException e) {
            giveBack(purpose, holder, reservedAt);
            throw e;
        }
    }

    /** Outside any quota (a new account's first e-mail); an SES failure is counted and thrown. */
    static void sendCounted(Mailer mailer, Email email) throws MailUnavailableException {
        try {
            mailer.send(email);
        } catch (MailUnavailableException e) {
            Metrics.count(Metrics.Count.EMAIL_FAILURES);
            throw e;
        }
    }

    /** Best effort: if storage fails here too, the slot stays spent until its minute is over. */
    private void giveBack(MailQuotaStore.Purpose purpose, String holder, Instant reservedAt) {
        try {
            quota.release(purpose, holder, reservedAt);
        } catch (StorageUnavailableException stillUnavailable) {
            // the original failure is what the caller hears about
        }
    }
}
