package dev.accounts.core.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules a new password must meet: Django's default AUTH_PASSWORD_VALIDATORS (attribute similarity,
 * minimum length 8, common password, entirely numeric), which the reference API's contract keeps, plus
 * a maximum of 128 characters so nobody can make us hash megabytes with Argon2. The messages are
 * Django's and DRF's own, word for word, because clients of the reference may match on them.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private final CommonPasswords commonPasswords;

    private PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** The policy of the contract; the common-password list is read once per JVM, on first use. */
    public static PasswordPolicy standard() {
        return Standard.INSTANCE;
    }

    /**
     * Messages for the failing rules, in Django's validator order; empty when the password is acceptable.
     * Email, first and last name may be null or empty (then they are not compared), as may the username.
     */
    public List<String> problems(String password, String username, String email, String firstName, String lastName) {
        Objects.requireNonNull(password, "password");
        List<String> problems = new ArrayList<>();
        String similarAttribute = firstSimilarAttribute(password, username, email, firstName, lastName);
        if (similarAttribute != null) {
            problems.add("The password is too similar to the " + similarAttribute + ".");
        }
        int length = PythonText.length(password);
        if (length < MIN_LENGTH) {
            problems.add("This password is too short. It must contain at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            problems.add("Ensure this field has no more than " + MAX_LENGTH + " characters.");
        }
        if (commonPasswords.contains(password)) {
            problems.add("This password is too common.");
        }
        if (PythonText.isDigit(password)) {
            problems.add("This password is entirely numeric.");
        }
        return List.copyOf(problems);
    }

    /**
     * The verbose name of the first attribute the password is too similar to, or null. Django compares
     * the User fields in this order and stops at the first hit, so there is one such message at most.
     */
    private static String firstSimilarAttribute(
            String password, String username, String email, String firstName, String lastName) {
        if (AttributeSimilarity.tooSimilar(password, username)) {
            return "username";
        }
        if (AttributeSimilarity.tooSimilar(password, firstName)) {
            return "first name";
        }
        if (AttributeSimilarity.tooSimilar(password, lastName)) {
            return "last name";
        }
        if (AttributeSimilarity.tooSimilar(password, email)) {
            return "email address";
        }
        return null;
    }

    /** Holder idiom: the list is loaded when standard() is first called, once, thread-safely. */
    private static final class Standard {
        static final PasswordPolicy INSTANCE = new PasswordPolicy(CommonPasswords.load());
    }
}
