package dev.accounts.core.account;

import java.text.Normalizer;

/** Django's username rules (UnicodeUsernameValidator, max_length 150) and the key that makes names unique. */
public final class Usernames {
    public static final int MAX_LENGTH = 150;
    public static final String INVALID = "Enter a valid username. This value may contain only letters, numbers, "
            + "and @/./+/-/_ characters.";
    public static final String TAKEN = "A user with that username already exists.";
    public static final String TOO_LONG = "Ensure this field has no more than 150 characters.";

    /** Besides Python's word characters ({@link PythonText#isWord}), Django's validator allows these. */
    private static final String PUNCTUATION = ".@+-";

    private Usernames() {}

    /** The message for an invalid name, or null when it is acceptable (uniqueness is checked elsewhere). */
    public static String problem(String username) {
        // The key is what is stored: a few characters grow under NFKC (U+FDFA into 18 letters), so it is
        // held to the same length, which also keeps it well inside DynamoDB's 2 KiB partition keys.
        if (length(username) > MAX_LENGTH || length(key(username)) > MAX_LENGTH) {
            return TOO_LONG;
        }
        return !username.isEmpty() && username.codePoints().allMatch(Usernames::allowed) ? null : INVALID;
    }

    /**
     * Django's {@code ^[\w.@+-]+\Z}, with Python's {@code \w}: letters, numbers and the underscore, no marks.
     * Java's Unicode {@code \w} also takes marks, joiners and connectors (U+200D, U+200C, U+034F, U+FE0F, U+203F),
     * invisible or look-alike, so that "alice" and "alice" + U+200D would be two accounts that look the same.
     */
    private static boolean allowed(int cp) {
        return PythonText.isWord(cp) || PUNCTUATION.indexOf(cp) >= 0;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * NFKC then full case folding (Python's casefold), so "Alice", "alice", "ａｌｉｃｅ" are one account, and so
     * are "strasse", "Straße" and "STRAẞE"; NFKC again settles what folding produced.
     */
    public static String key(String username) {
        String nfkc = Normalizer.normalize(username, Normalizer.Form.NFKC);
        return Normalizer.normalize(CaseFolding.fold(nfkc), Normalizer.Form.NFKC);
    }
}
