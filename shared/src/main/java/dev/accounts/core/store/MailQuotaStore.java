package dev.accounts.core.store;

import java.time.Instant;

/** How many e-mails of one kind an account was sent: at most one a minute and a few a day, reserved atomically. */
public interface MailQuotaStore {
    /** The kinds of e-mail, each with a quota of its own. */
    enum Purpose { PASSWORD_RESET, EMAIL_VERIFICATION }

    /**
     * Reserves one e-mail of `purpose` to `holder` (an account, or an account and address) at `now`; false (and
     * nothing reserved) when over quota.
     */
    boolean reserve(Purpose purpose, String holder, Instant now);

    /** Gives back a reservation whose e-mail could not be sent, so that the user may ask again at once. */
    void release(Purpose purpose, String holder, Instant reservedAt);
}
