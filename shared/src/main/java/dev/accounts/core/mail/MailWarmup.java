package dev.accounts.core.mail;

/**
 * SES's SendEmail path for SnapStart priming, refused: the real request, from an address no one can verify (a
 * reserved .invalid domain), so SES refuses it (or, on AWS, IAM's ses:FromAddress condition does first) and nothing
 * is sent. The first e-mail after a restore then finds the client's send path, its signer and its error answers
 * loaded: hundreds of classes otherwise.
 */
public final class MailWarmup {
    /** Never a verified identity: RFC 2606 reserves .invalid. */
    public static final String UNSENDABLE = "priming@priming.invalid";

    private final Mailer mailer;

    public MailWarmup(Mailer mailer) {
        this.mailer = mailer;
    }

    public void refusedSend() {
        if (mailer instanceof SesMailer ses) {
            try {
                ses.sendFrom(UNSENDABLE, new Email(UNSENDABLE, "priming", "priming", "<p>priming</p>"));
            } catch (MailUnavailableException refusedAsIntended) {
                // the sender is not verified: nothing sent
            }
        }
    }
}
