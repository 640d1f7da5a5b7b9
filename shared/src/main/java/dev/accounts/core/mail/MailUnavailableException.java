package dev.accounts.core.mail;

/**
 * The e-mail service refused or did not answer. Not a {@code StorageUnavailableException}: whether the caller may
 * learn of it (a 503) is the use-case's decision, since on the unauthenticated endpoints it would tell which
 * addresses have accounts.
 */
public final class MailUnavailableException extends Exception {
    public MailUnavailableException(String reason, Throwable cause) {
        // The class name of the cause only: SES's messages can quote the recipient's address.
        super(reason + " (" + (cause == null ? "no cause" : cause.getClass().getSimpleName()) + ")", null, false, false);
    }
}
