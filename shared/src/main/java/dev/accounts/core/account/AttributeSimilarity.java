package dev.accounts.core.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Django's UserAttributeSimilarityValidator (max_similarity 0.7, the 4.2+ version with its length
 * short-cut): a password is too similar to a value when difflib's quick_ratio of the two, lower-cased,
 * reaches 0.7, for the whole value or any of its \W+-separated parts (so both "alexander" and
 * "example" count for alexander@example.com).
 */
final class AttributeSimilarity {

    static final double MAX_SIMILARITY = 0.7;

    private AttributeSimilarity() {
    }

    /** Whether the password is too similar to the value; an absent or empty value is never similar. */
    static boolean tooSimilar(String password, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        String lowerPassword = PythonText.lower(password);
        String lowerValue = PythonText.lower(value);
        // Django checks the parts first, then the whole value; the order only matters for speed.
        List<String> parts = new ArrayList<>(PythonText.splitOnNonWord(lowerValue));
        parts.add(lowerValue);
        for (String part : parts) {
            if (exceedsMaximumLengthRatio(lowerPassword, part)) {
                continue;
            }
            if (quickRatio(lowerPassword, part) >= MAX_SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    /**
     * Django's exceeds_maximum_length_ratio: a password at least 10 times longer than the part cannot
     * reach the threshold (quick_ratio is then at most 2/11), so the comparison is skipped. The second
     * condition is Django's too; it makes an empty part skipped for any non-empty password.
     */
    static boolean exceedsMaximumLengthRatio(String password, String part) {
        int passwordLength = PythonText.length(password);
        double lengthBoundSimilarity = MAX_SIMILARITY / 2 * passwordLength;
        int partLength = PythonText.length(part);
        return passwordLength >= 10 * partLength && partLength < lengthBoundSimilarity;
    }

    /**
     * difflib.SequenceMatcher(a, b).quick_ratio(): 2*M/T, where M counts the characters the two strings
     * share as multisets (order ignored) and T is their total length; 1.0 for two empty strings.
     * Plain loops rather than streams: on a Lambda cold start the first lambda costs tens of milliseconds.
     */
    static double quickRatio(String a, String b) {
        Map<Integer, Integer> available = new HashMap<>();
        for (int i = 0; i < b.length(); i += Character.charCount(b.codePointAt(i))) {
            int cp = b.codePointAt(i);
            available.put(cp, available.getOrDefault(cp, 0) + 1);
        }
        int matches = 0;
        for (int i = 0; i < a.length(); i += Character.charCount(a.codePointAt(i))) {
            int cp = a.codePointAt(i);
            int left = available.getOrDefault(cp, 0);
            if (left > 0) {
                available.put(cp, left - 1);
                matches++;
            }
        }
        int total = PythonText.length(a) + PythonText.length(b);
        return total == 0 ? 1.0 : 2.0 * matches / total;
    }
}
