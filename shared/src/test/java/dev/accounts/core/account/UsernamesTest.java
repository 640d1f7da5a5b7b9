package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UsernamesTest {
    @Test
    void caseAndCompatibilityFormsShareOneKey() {
        assertEquals(Usernames.key("alice"), Usernames.key("Alice"));
        assertEquals(Usernames.key("alice"), Usernames.key("ＡＬＩＣＥ"));
        assertEquals(Usernames.key("strasse"), Usernames.key("Straße"));
        assertNotEquals(Usernames.key("alice"), Usernames.key("alice2"));
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
}
