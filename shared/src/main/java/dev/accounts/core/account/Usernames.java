package dev.accounts.core.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Django's username rules (UnicodeUsernameValidator, max_length 150) and the key that makes names unique. */
public final class Usernames {
    public static final int MAX_LENGTH = 150;
    public static final String INVALID = "Enter a valid username. This value may contain only letters, numbers, "
            + "and @/./+/-/_ characters.";
    public static final String TAKEN = "A user with that username already exists.";
    public static final String TOO_LONG = "Ensure this field has no more than 150 characters.";

    /** Python's `\w` in Unicode mode is letters, digits (Nd and others) and underscore, plus marks. */
    private static final Pattern VALID = Pattern.compile("^[\\w.@+-]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private Usernames() {}

    /** The message for an invalid name, or null when it is acceptable (uniqueness is checked elsewhere). */
    public static String problem(String username) {
        // The key is what is stored: a few characters grow under NFKC (U+FDFA into 18 letters), so it is
        // held to the same length, which also keeps it well inside DynamoDB's 2 KiB partition keys.
        if (length(username) > MAX_LENGTH || length(key(username)) > MAX_LENGTH) {
            return TOO_LONG;
        }
        return VALID.matcher(username).matches() ? null : INVALID;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * NFKC then case folding, so "Alice", "alice" and "ａｌｉｃｅ" are one account. Java has no casefold; upper then
     * lower case covers the multi-character folds that matter (ß → ss), and NFKC again settles what that produced.
     */
    public static String key(String username) {
        String nfkc = Normalizer.normalize(username, Normalizer.Form.NFKC);
        String folded = nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }
}
