package dev.accounts.core.account;

import dev.accounts.core.contract.Fields;

/** The sign-up rules for the profile fields, for sign-up and PATCH /account/me alike. */
final class ProfileRules {
    static final int MAX_NAME_LENGTH = 150;
    static final String NAME_TOO_LONG = "Ensure this field has no more than 150 characters.";

    private ProfileRules() {}

    /** Records on `fields` whatever is wrong with an address (empty: none given, which is allowed) or the names. */
    static void check(Fields fields, String email, String firstName, String lastName) {
        if (!email.isEmpty() && !EmailAddresses.isValid(email)) {
            fields.add("email", EmailAddresses.INVALID);
        }
        checkLength(fields, "first_name", firstName);
        checkLength(fields, "last_name", lastName);
    }

    private static void checkLength(Fields fields, String name, String value) {
        if (value.codePointCount(0, value.length()) > MAX_NAME_LENGTH) {
            fields.add(name, NAME_TOO_LONG);
        }
    }
}
