package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.testing.DjangoPasswords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DjangoPbkdf2HashesTest {
    @Test
    void acceptsTheHashDjangosOwnTestsPublishForItsDefaultHasher() {
        // make_password("lètmein", "seasalt", "pbkdf2_sha256") in Django 4.2's test suite (600,000 iterations).
        String django = "pbkdf2_sha256$600000$seasalt$OAXyhAQ/4ZDA9V5RMExt3C1OwQdUpLZ99vm1McFlLRA=";
        assertTrue(DjangoPbkdf2Hashes.verify("lètmein", django));
        assertFalse(DjangoPbkdf2Hashes.verify("lètmeinz", django));
    }

    @Test
    void aHashMadeWithDjangosAlgorithmVerifiesOnlyWithItsPassword() {
        String hash = DjangoPasswords.pbkdf2Sha256("correct horse battery", "Zy8kQ2nLr4TxWb7PcV1mHs",
                DjangoPasswords.TEST_ITERATIONS);
        assertTrue(DjangoPbkdf2Hashes.isWellFormed(hash));
        assertTrue(DjangoPbkdf2Hashes.verify("correct horse battery", hash));
        assertFalse(DjangoPbkdf2Hashes.verify("correct horse batterY", hash));
        assertFalse(DjangoPbkdf2Hashes.verify("", hash));
        assertFalse(DjangoPbkdf2Hashes.verify(null, hash));
    }

    @Test
    void nonAsciiAndBlankPasswordsAreHashedAsUtf8AsDjangoDoes() {
        String unicode = DjangoPasswords.pbkdf2Sha256("пароль ß 密码", "salt", 1000);
        assertTrue(DjangoPbkdf2Hashes.verify("пароль ß 密码", unicode));
        assertFalse(DjangoPbkdf2Hashes.verify("пароль ss 密码", unicode));
        String blank = DjangoPasswords.pbkdf2Sha256("", "salt", 1000);
        assertTrue(DjangoPbkdf2Hashes.verify("", blank));
        assertFalse(DjangoPbkdf2Hashes.verify(" ", blank));
    }

    @Test
    void anotherIterationCountOrSaltIsAnotherHash() {
        String hash = DjangoPasswords.pbkdf2Sha256("pw", "salt", 1000);
        assertFalse(DjangoPbkdf2Hashes.verify("pw", hash.replace("$1000$", "$1001$")));
        assertFalse(DjangoPbkdf2Hashes.verify("pw", hash.replace("$salt$", "$salu$")));
    }

    @Test
    void theMalformedCasesBelowDifferFromAGoodHashOnlyWhereTheyClaimTo() {
        String good = "pbkdf2_sha256$1000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=";
        assertTrue(DjangoPbkdf2Hashes.verify("pw", good));
    }

    /** Each differs from the good hash above in one way; Django, which re-encodes and compares, refuses each. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "pbkdf2_sha256",
            "pbkdf2_sha256$",
            "pbkdf2_sha256$$$",
            "pbkdf2_sha256$1000$salt",
            "pbkdf2_sha256$1000$salt$",
            "pbkdf2_sha256$1000$$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$abc$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$-1$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$0$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$01000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$+1000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$99999999$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$99999999999999999999$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "pbkdf2_sha256$1000$salt$not base64!",
            "pbkdf2_sha256$1000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4",
            "pbkdf2_sha256$1000$salt$c2hvcnQ=",
            "pbkdf2_sha256$1000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=$extra",
            "pbkdf2_sha1$1000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "PBKDF2_SHA256$1000$salt$CjglNVXON/XHKmtwP5loFOvyQfIDrxRuk9zesDHFVn4=",
            "!unusablepasswordxxxxxxxxxxxxxxxxxxxxxxxxxx",
    })
    void malformedHashesNeverVerifyAndNeverThrow(String stored) {
        assertFalse(DjangoPbkdf2Hashes.isWellFormed(stored));
        assertFalse(DjangoPbkdf2Hashes.verify("pw", stored));
    }
}
