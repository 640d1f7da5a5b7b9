package dev.accounts.core.testing;

import dev.accounts.devkit.LocalMail;
import java.net.URI;
import java.util.List;

/** The e-mails the local SES accepted, read through devkit's {@link LocalMail}, as a user reads them. */
public final class SentEmails {
    private final LocalMail mail;

    SentEmails(LocalMail mail) {
        this.mail = mail;
    }

    /** One e-mail as received. */
    public record Sent(LocalMail.Message message) {
        public String from() {
            return message.from();
        }

        public String subject() {
            return message.subject();
        }

        public String body() {
            return message.body();
        }

        /** The link in the body, as a user would click it. */
        public URI link() {
            return URI.create(message.link().orElseThrow(() -> new AssertionError("no link in " + message)));
        }

        /** A query parameter of the link (uid, token, key). */
        public String linkParameter(String name) {
            String value = message.linkParameters().get(name);
            if (value == null) {
                throw new AssertionError("the link has no " + name + ": " + link());
            }
            return value;
        }
    }

    /** Every e-mail sent to `address` so far, oldest first. */
    public List<Sent> to(String address) {
        return mail.sentTo(address).stream().map(Sent::new).toList();
    }

    /** Every e-mail sent from `sender` so far (each stack with mail has a sender of its own), oldest first. */
    public List<Sent> from(String sender) {
        return mail.sent().stream().filter(message -> message.from().equals(sender)).map(Sent::new).toList();
    }

    /** The only e-mail sent to `address`; fails when there is none or more than one. */
    public Sent onlyTo(String address) {
        List<Sent> sent = to(address);
        if (sent.size() != 1) {
            throw new AssertionError("expected one e-mail to " + address + ", found " + sent.size() + ": " + sent);
        }
        return sent.get(0);
    }
}
