package dev.accounts.core.account;

import dev.accounts.core.contract.Fields;
import java.util.regex.Pattern;

/** Django's EmailValidator in short: a dot-atom or quoted local part, and a domain of valid labels. */
public final class EmailAddresses {
    public static final int MAX_LENGTH = 254;
    public static final String INVALID = "Enter a valid email address.";

    private static final Pattern USER = Pattern.compile(
            "(^[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+)*\\z"
                    + "|^\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"\\z)");
    private static final Pattern DOMAIN = Pattern.compile(
            "^((?!-)[\\p{L}\\p{N}-]{1,63}(?<!-)\\.)+(?!-)([\\p{L}]{2,63}|xn--[a-zA-Z0-9]{1,59})(?<!-)\\z");

    private EmailAddresses() {}

    /** The required `email` field of a body, recorded on `fields` as missing or invalid where it is. */
    public static String required(Fields fields) {
        String email = fields.required("email");
        if (email != null && !isValid(email)) {
            fields.add("email", INVALID);
        }
        return email;
    }

    public static boolean isValid(String email) {
        if (email.length() > MAX_LENGTH) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return false;
        }
        return USER.matcher(email.substring(0, at)).matches() && DOMAIN.matcher(email.substring(at + 1)).matches();
    }
}
