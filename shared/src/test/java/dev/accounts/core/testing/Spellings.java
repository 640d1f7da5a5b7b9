package dev.accounts.core.testing;

/** Other spellings of one username, which NFKC and case folding bring back to the same key. */
public final class Spellings {
    private Spellings() {
    }

    /**
     * Fullwidth letters and digits (U+FF10..U+FF5A); everything else stays: the fullwidth low line U+FF3F and the
     * other fullwidth punctuation are not in Python's (so Django's) {@code \w}, and would make the name invalid.
     */
    public static String fullwidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.appendCodePoint(c < 0x80 && Character.isLetterOrDigit(c) ? c - 0x21 + 0xFF01 : c));
        return out.toString();
    }
}
