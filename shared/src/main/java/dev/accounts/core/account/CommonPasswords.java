package dev.accounts.core.account;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Django's CommonPasswordValidator, with zxcvbn's bundled list of the 30,000 most frequent leaked
 * passwords (its "passwords" dictionary) in place of Django's 20,000: a maintained list we already ship,
 * rather than one kept by hand. Its entries are lower-case and trimmed, as Django requires of its list.
 */
final class CommonPasswords {

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    /** Reads the list from zxcvbn's jar; takes tens of milliseconds, so callers keep the result. */
    static CommonPasswords load() {
        try {
            // An immutable set: constant-time look-ups like a HashSet, without a node object per entry.
            return new CommonPasswords(Set.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()));
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's password list cannot be read", e);
        }
    }

    /** Django compares password.lower().strip(), so "Password " is as common as "password". */
    boolean contains(String password) {
        return passwords.contains(PythonText.strip(PythonText.lower(password)));
    }
}
