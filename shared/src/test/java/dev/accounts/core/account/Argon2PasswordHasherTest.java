package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.testing.DjangoPasswords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hasher as a migrated user meets it: Django's formats verify, and only our own needs no upgrade. */
class Argon2PasswordHasherTest {
    /** From Django's test suite: "secret" under Django's Argon2PasswordHasher (argon2-cffi) defaults. */
    private static final String DJANGO_ARGON2ID =
            "argon2$argon2id$v=19$m=102400,t=2,p=8$Y041dExhNkljRUUy$TMa6A8fPJhCAUXRhJXCXdw";
    private static final String DJANGO_ARGON2I = "argon2$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$YC9+jJCrQhs5R6db7LlN8Q";

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void aFreshHashVerifiesAndIsAlreadyAtTheCurrentCost() {
        String hash = hasher.hash("violet-Harbor-92");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("violet-Harbor-92", hash));
        assertFalse(hasher.verify("violet-harbor-92", hash));
        assertTrue(hasher.canVerify(hash));
        assertFalse(hasher.needsUpgrade(hash));
    }

    @Test
    void djangoPbkdf2HashesVerifyAndAskForAnUpgrade() {
        String django = DjangoPasswords.pbkdf2Sha256("violet-Harbor-92");
        assertTrue(hasher.verify("violet-Harbor-92", django));
        assertFalse(hasher.verify("violet-Harbor-93", django));
        assertTrue(hasher.canVerify(django));
        assertTrue(hasher.needsUpgrade(django));
    }

    @Test
    void djangoArgon2HashesVerifyAndAskForAnUpgrade() {
        assertTrue(hasher.verify("secret", DJANGO_ARGON2I));
        assertFalse(hasher.verify("wrong", DJANGO_ARGON2I));
        for (String django : new String[] {DJANGO_ARGON2ID, DJANGO_ARGON2I}) {
            assertTrue(hasher.canVerify(django), django);
            assertTrue(hasher.needsUpgrade(django), django);
        }
    }

    /** Django's own cost (100 MiB, p=8): seconds per check in pure Java here, so checked once. */
    @Test
    void djangosCurrentArgon2idFormatVerifies() {
        assertTrue(hasher.verify("secret", DJANGO_ARGON2ID));
    }

    @Test
    void argon2idAtOtherSettingsIsUpgradedToo() {
        String weaker = DJANGO_ARGON2I.substring("argon2".length()).replace("argon2i", "argon2id");
        assertTrue(hasher.needsUpgrade(weaker));
        assertTrue(hasher.needsUpgrade("$argon2id$v=19$m=19456,t=1,p=1$c2FsdHNhbHQ$YC9+jJCrQhs5R6db7LlN8Q"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "!Xq3kLmN0pR5sT7uV9wY1zA2bC4dE6fG8hJ0kL2mN",
            "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuN1m6mj2Uq3b0G1Sx0DgSgA3aG9yE5yK",
            "md5$seasalt$3f86d0d3d465b7b458c231bf3555c0e3",
            "pbkdf2_sha256$1000$salt$tooShort=",
            "argon2$argon2i$m=8,t=1,p=1$c29tZXNhbHQ$gwQOXSNhxiOxPOA0+PY10P9QFO4NAYysnqRt1GSQLE55m+2GYDt9FEjPMHhP2Cuf0nOEXXMocVrsJAtNSsKyfg",
            "argon2$argon2id$v=19$m=102400,t=2,p=8$Y041dExhNkljRUUy$",
            "argon2$argon2id$v=19$m=lots,t=2,p=8$Y041dExhNkljRUUy$TMa6A8fPJhCAUXRhJXCXdw",
            "$argon2id$v=19$m=19456",
    })
    void formatsItCannotCheckAreRecognisedAsSuchAndNeverVerify(String stored) {
        assertFalse(hasher.canVerify(stored));
        assertFalse(hasher.verify("secret", stored));
    }
}
