package dev.accounts.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the account-lifecycle e-mails need, read once from the environment template.yaml sets: the sender (a
 * verified SES identity; absent, password reset by e-mail is not configured), the app's pages the links point
 * at, django-allauth's e-mail verification mode and the reset token's lifetime.
 */
public record MailSettings(
        Optional<String> from,
        String passwordResetUrl,
        String emailVerificationUrl,
        EmailVerification emailVerification,
        Duration passwordResetTokenLifetime,
        Optional<String> sesEndpoint) {

    /** django-allauth's ACCOUNT_EMAIL_VERIFICATION values. */
    public enum EmailVerification {
        /** Nothing is sent: the reference's behaviour. */
        NONE,
        /** A verification e-mail is sent at sign-up and after an address change; login works either way. */
        OPTIONAL,
        /** As optional, and login with an unverified address is refused. */
        MANDATORY;

        static EmailVerification parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("environment variable EMAIL_VERIFICATION must be none, optional or "
                        + "mandatory, not " + value);
            }
        }
    }

    public static MailSettings from(Map<String, String> env) {
        return new MailSettings(
                Settings.optional(env, "MAIL_FROM"),
                Settings.optional(env, "PASSWORD_RESET_URL").orElse("https://example.com/reset-password"),
                Settings.optional(env, "EMAIL_VERIFICATION_URL").orElse("https://example.com/verify-email"),
                Settings.optional(env, "EMAIL_VERIFICATION").map(EmailVerification::parse).orElse(EmailVerification.NONE),
                Duration.ofSeconds(Settings.positiveLong(env, "PASSWORD_RESET_TOKEN_LIFETIME_SECONDS", 3600)),
                Settings.optional(env, "SES_ENDPOINT"));
    }

    public boolean sendsVerification() {
        return emailVerification != EmailVerification.NONE;
    }
}
