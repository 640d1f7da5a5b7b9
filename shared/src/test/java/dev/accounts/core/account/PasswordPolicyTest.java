package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the contract's password policy, with Django's exact messages and Python's counting. */
class PasswordPolicyTest {

    private static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";
    private static final String TOO_LONG = "Ensure this field has no more than 128 characters.";
    private static final String TOO_COMMON = "This password is too common.";
    private static final String NUMERIC = "This password is entirely numeric.";
    private static final String SIMILAR_TO_USERNAME = "The password is too similar to the username.";
    private static final String SIMILAR_TO_EMAIL = "The password is too similar to the email address.";

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private List<String> problems(String password) {
        return policy.problems(password, "alice", "", "", "");
    }

    @Test
    void aGoodPasswordPasses() {
        assertEquals(List.of(), policy.problems("correct-horse-battery-9", "alice", "alice@example.com", "Alice", "Liddell"));
    }

    @Test
    void absentOptionalAttributesAreIgnored() {
        assertEquals(List.of(), policy.problems("correct-horse-battery-9", "alice", null, null, null));
    }

    @Test
    void tooShortAlone() {
        assertEquals(List.of(TOO_SHORT), problems("x7#kQ2v"));
        assertEquals(List.of(), problems("x7#kQ2vR"));
    }

    @Test
    void tooLongAlone() {
        String limit = "x7#kQ2vR".repeat(16);
        assertEquals(List.of(), problems(limit));
        assertEquals(List.of(TOO_LONG), problems(limit + "z"));
    }

    @Test
    void tooCommonAlone() {
        assertEquals(List.of(TOO_COMMON), problems("iloveyou"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "123456789", "qwertyuiop", "iloveyou"})
    void zxcvbnsListHoldsTheWellKnownOnes(String password) {
        assertTrue(problems(password).contains(TOO_COMMON), password);
    }

    @Test
    void commonIsJudgedAfterLowerCaseAndStripAsInPython() {
        assertEquals(List.of(TOO_COMMON), problems("PassWord"));
        assertEquals(List.of(TOO_COMMON), problems("  password\t"));
        // Python's strip() removes no-break spaces too; Java's String.strip() would not.
        assertEquals(List.of(TOO_COMMON), problems("\u00a0password\u00a0"));
    }

    @Test
    void entirelyNumericAlone() {
        assertEquals(List.of(NUMERIC), problems("90417362518"));
    }

    @Test
    void numericCountsEveryUnicodeDigitAsPythonsIsdigitDoes() {
        // Arabic-Indic digits (category Nd) and superscript digits (Numeric_Type=Digit, category No).
        assertEquals(List.of(NUMERIC), problems("٩٠٤١٧٣٦٢٥١٨"));
        assertEquals(List.of(NUMERIC), problems("²³¹²³¹²³¹"));
        // A fraction is numeric but not a digit for Python, so this one passes.
        assertEquals(List.of(), problems("904173625½"));
    }

    @Test
    void severalRulesFailAtOnceInDjangosOrder() {
        assertEquals(List.of(TOO_SHORT, TOO_COMMON, NUMERIC), problems("1234"));
        assertEquals(List.of(SIMILAR_TO_USERNAME, TOO_SHORT), problems("alice#9"));
    }

    @Test
    void similarToUsername() {
        assertEquals(List.of(SIMILAR_TO_USERNAME), policy.problems("alexander-1990", "alexander", "", "", ""));
        // Case does not help: both sides are lower-cased.
        assertEquals(List.of(SIMILAR_TO_USERNAME), policy.problems("ALEXANDER-1990", "alexander", "", "", ""));
        // This one is in the leaked-password list as well.
        assertEquals(List.of(SIMILAR_TO_USERNAME, TOO_COMMON), policy.problems("alexander1", "alexander", "", "", ""));
    }

    @Test
    void similarToAPartOfTheEmail() {
        assertEquals(List.of(SIMILAR_TO_EMAIL), policy.problems("Alexander2024!", "zed", "alexander@example.com", "", ""));
    }

    @Test
    void similarToFirstOrLastName() {
        assertEquals(List.of("The password is too similar to the first name."),
                policy.problems("Bartholomew7", "zed", "", "Bartholomew", ""));
        assertEquals(List.of("The password is too similar to the last name."),
                policy.problems("Vanderbilt77", "zed", "", "", "Vanderbilt"));
    }

    @Test
    void onlyTheFirstSimilarAttributeIsReportedAsDjangoDoes() {
        assertEquals(List.of(SIMILAR_TO_USERNAME),
                policy.problems("alexander-1990", "alexander", "alexander@example.com", "Alexander", ""));
    }

    @Test
    void partsAreSplitOnUnicodeWordBoundaries() {
        // "garcía" is one word for Python's \W+; an ASCII-only split would cut it at the í and pass this.
        assertEquals(List.of(SIMILAR_TO_EMAIL), policy.problems("García2024!", "zed", "jose.garcía@example.com", "", ""));
    }

    @Test
    void aPasswordFarLongerThanTheAttributeIsNotSimilar() {
        assertEquals(List.of(), policy.problems("al-is-not-in-this-long-phrase", "al", "", "", ""));
        // Django skips the comparison once the password is 10 times longer: quick_ratio is then at most 2/11.
        assertTrue(AttributeSimilarity.exceedsMaximumLengthRatio("a".repeat(10), "a"));
        assertTrue(!AttributeSimilarity.exceedsMaximumLengthRatio("a".repeat(9), "a"));
    }

    @Test
    void quickRatioCountsSharedCharactersRegardlessOfOrder() {
        assertEquals(1.0, AttributeSimilarity.quickRatio("abc", "cba"));
        assertEquals(2.0 * 2 / 7, AttributeSimilarity.quickRatio("aab", "abbb"));
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
        assertEquals(List.of(TOO_SHORT), problems(emoji.repeat(7)));
        assertEquals(List.of(), problems(emoji.repeat(8)));
        assertEquals(List.of(), problems(emoji.repeat(128)));
        assertEquals(List.of(TOO_LONG), problems(emoji.repeat(129)));
    }

    @Test
    void standardIsBuiltOnce() {
        assertSame(PasswordPolicy.standard(), PasswordPolicy.standard());
    }
}
