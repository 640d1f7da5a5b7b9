package dev.accounts.core.mail;

import dev.accounts.core.aws.AwsClients;
import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.config.MailSettings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** E-mail through Amazon SES API v2 SendEmail, from the configured sender (a verified SES identity). */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;

    public SesMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    /**
     * From the environment's clients and settings. A factory, so that only functions that send e-mail load (and
     * pack) the SES client: the wiring names this class, never SES's.
     */
    public static Mailer create(AwsClients aws, MailSettings settings) {
        return new SesMailer(aws.configured(SesV2Client.builder(), settings.sesEndpoint()), settings.from().orElseThrow());
    }

    @Override
    public void send(Email email) throws MailUnavailableException {
        sendFrom(from, email);
    }

    /** {@code sender}: the configured one, except for {@link MailWarmup}'s refused send. */
    void sendFrom(String sender, Email email) throws MailUnavailableException {
        if (!RequestDeadline.allowsACall()) {
            throw new MailUnavailableException("too little of the function's time left for a call", null);
        }
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(Destination.builder().toAddresses(email.to()).build())
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                        .build()).build())
                .build();
        try {
            ses.sendEmail(request);
        } catch (SdkException e) {
            throw new MailUnavailableException("send e-mail", e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
