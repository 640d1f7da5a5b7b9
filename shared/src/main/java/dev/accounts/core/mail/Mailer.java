package dev.accounts.core.mail;

/** Sends the lifecycle e-mails; SES in the service. Failures arrive as {@link MailUnavailableException}. */
public interface Mailer {
    void send(Email email) throws MailUnavailableException;
}
