package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected answers are CPython 3.11's: re.match(r"^[\w.@+-]+\Z", name) and NFKC(NFKC(name).casefold()). */
class UsernamesTest {
    @Test
    void caseAndCompatibilityFormsShareOneKey() {
        assertEquals(Usernames.key("alice"), Usernames.key("Alice"));
        assertEquals(Usernames.key("alice"), Usernames.key("ＡＬＩＣＥ"));
        assertEquals(Usernames.key("strasse"), Usernames.key("Straße"));
        assertNotEquals(Usernames.key("alice"), Usernames.key("alice2"));
    }

    @Test
    void theKeyIsPythonsFullCaseFolding() {
        Map<String, String> keys = Map.ofEntries(
                Map.entry("STRAẞE", "strasse"), // U+1E9E, capital sharp s: "ss", as ß and "SS"
                Map.entry("Straße", "strasse"),
                Map.entry("ıi", "ıi"), // the dotless i stays apart from i (no Turkic folding)
                Map.entry("İ", "i̇"), // U+0130: i + U+0307
                Map.entry("ᎠᏣ", "ᎠᏣ"), // Cherokee folds to its capitals
                Map.entry("ꭰꮳ", "ᎠᏣ"),
                Map.entry("ﬃ", "ffi"),
                Map.entry("ᾈ", "ἀι"), // prosgegrammeni: two letters
                Map.entry("ΣΑΣ", "σασ"), // no final sigma in a fold
                Map.entry("σας", "σασ"),
                Map.entry("ǅ", "dž"),
                Map.entry("Ⅻ", "xii"));
        keys.forEach((name, key) -> assertEquals(key, Usernames.key(name), name));
        assertEquals(Usernames.key("STRASSE"), Usernames.key("STRAẞE"));
        assertNotEquals(Usernames.key("ı"), Usernames.key("i"));
    }

    @Test
    void djangosCharactersAreAllowedAndOthersNot() {
        assertNull(Usernames.problem("al.ice+test@x-y_z"));
        assertNull(Usernames.problem("josé"));
        assertEquals(Usernames.INVALID, Usernames.problem("alice smith"));
        assertEquals(Usernames.INVALID, Usernames.problem("alice!"));
        assertEquals(Usernames.TOO_LONG, Usernames.problem("a".repeat(151)));
        assertNull(Usernames.problem("a".repeat(150)));
    }

    /** str.isalnum's letters and numbers, in every script; Python's \w, not Java's. */
    @Test
    void lettersAndNumbersOfEveryScriptAreAllowed() {
        for (String name : new String[] {"李小龍", "١٢٣", "Ⅻ", "x²", "a_b", "ǅ", "ᾈ", "ᎠᏣ"}) {
            assertNull(Usernames.problem(name), name);
        }
    }

    /** Java's Unicode \w takes these (joiners, marks, connectors); Python's does not, so neither does Django. */
    @Test
    void invisibleAndCombiningCharactersAreRefused() {
        Map<String, String> refused = Map.of(
                "zero width joiner", "alice\u200D",
                "zero width non-joiner", "ali\u200Cce",
                "combining grapheme joiner", "alice\u034F",
                "variation selector 16", "alice\uFE0F",
                "undertie (a connector)", "alice\u203F",
                "a combining acute accent", "jose\u0301",
                "soft hyphen", "alice\u00AD",
                "word joiner", "alice\u2060",
                "nothing at all", "");
        refused.forEach((what, name) -> assertEquals(Usernames.INVALID, Usernames.problem(name), what));
    }
}
