package dev.accounts.core.account;

import java.util.Locale;

/** Accounts are found by e-mail address compared case-insensitively (the contract, as django-allauth does). */
public final class EmailKeys {
    private EmailKeys() {}

    /** The key an address is indexed and looked up under; null for no address (nothing to index). */
    public static String of(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
