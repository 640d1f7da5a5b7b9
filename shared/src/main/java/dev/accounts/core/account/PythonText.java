package dev.accounts.core.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python 3 string operations Django's password validators use, with Python's meaning, so that
 * a password is accepted or refused here exactly as the reference would. Python counts and classifies
 * code points, not UTF-16 units, so an emoji is one character.
 * Checked code point by code point against CPython 3.11 (Unicode 14): same answers for lower, strip's
 * whitespace, re's {@code \w} and isdigit.
 */
final class PythonText {

    /**
     * Python's isdigit also accepts Numeric_Type=Digit characters outside category Nd (superscripts,
     * circled digits, ...); Java exposes no Numeric_Type, so these are listed: pairs of first and last
     * code point, taken from the Unicode Character Database (DerivedNumericType.txt).
     */
    private static final int[] DIGITS_OUTSIDE_ND = {
        0x00B2, 0x00B3, 0x00B9, 0x00B9, 0x1369, 0x1371, 0x19DA, 0x19DA, 0x2070, 0x2070,
        0x2074, 0x2079, 0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247C, 0x2488, 0x2490,
        0x24EA, 0x24EA, 0x24F5, 0x24FD, 0x24FF, 0x24FF, 0x2776, 0x277E, 0x2780, 0x2788,
        0x278A, 0x2792, 0x10A40, 0x10A43, 0x10E60, 0x10E68, 0x11052, 0x1105A, 0x1F100, 0x1F10A,
    };

    private PythonText() {
    }

    /** len(s). */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** s.lower(): full case mapping, independent of the server's locale (no Turkish dotless i surprises). */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** s.strip(): Python's whitespace is wider than Java's String.strip() (it includes no-break spaces). */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** s.isdigit(): at least one character, all of them digits. */
    static boolean isDigit(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            if (!isDigit(s.codePointAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * re.split(r"\W+", s): the runs of word characters between runs of other characters; a separator at
     * either end yields an empty first or last part, as in Python.
     */
    static List<String> splitOnNonWord(String s) {
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int i = 0;
        while (i < s.length()) {
            if (isWord(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
                continue;
            }
            int separatorStart = i;
            while (i < s.length() && !isWord(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            parts.add(s.substring(partStart, separatorStart));
            partStart = i;
        }
        parts.add(s.substring(partStart));
        return parts;
    }

    /** str.isspace: categories Zs, Zl, Zp plus the control characters Python counts (tab, \x1c-\x1f, \x85...). */
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** re's \w for str patterns: letters, anything numeric, and the underscore. */
    static boolean isWord(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp)
                || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER
                || cp == '_';
    }

    private static boolean isDigit(int cp) {
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return true;
        }
        for (int i = 0; i < DIGITS_OUTSIDE_ND.length; i += 2) {
            if (cp >= DIGITS_OUTSIDE_ND[i] && cp <= DIGITS_OUTSIDE_ND[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
