package dev.accounts.migrate;

import dev.accounts.core.account.EmailKeys;

/**
 * One row of django-allauth's `account.emailaddress`: an address of the user whose pk is `userPk`, and whether
 * allauth saw it proved. A user may have several; only the one equal to the user's own `email` counts.
 */
record DjangoEmailAddress(int row, String pk, String userPk, String email, boolean verified) {
    static final String MODEL = "account.emailaddress";

    /** Whether this row proves `user`'s address: the same user, the same address as the core compares them. */
    boolean verifies(DjangoUser user) {
        String key = EmailKeys.of(email);
        return verified && key != null && userPk.equals(user.pk()) && key.equals(EmailKeys.of(user.email()));
    }

    RowOutcome rejected(String reason) {
        return RowOutcome.rejectedAddress(row, pk, reason);
    }
}
