package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/** E-mails sent through the AWS SDK's SES v2 client to a real moto_server, read back as a test would. */
class LocalMailTest {

    private static final String SENDER = "accounts@localhost.test";
    private static LocalMail mail;
    private static SesV2Client ses;

    @BeforeAll
    static void startMoto() {
        assumeTrue(MotoServer.findOnPath(MotoServer.EXECUTABLE).isPresent(), "moto_server is not on PATH");
        mail = LocalMail.start();
        ses = mail.sesClient();
    }

    @AfterAll
    static void stopMoto() {
        if (mail != null) {
            ses.close();
            mail.close();
        }
    }

    @Test
    void anUnverifiedSenderIsRefusedAndAVerifiedOneSends() {
        String stranger = "nobody@unverified.test";
        assertThrows(MessageRejectedException.class, () -> send(stranger, "carol@example.com", "Hi", text("no")));
        assertEquals(List.of(), mail.sentTo("carol@example.com"), "a refused message is not kept");

        mail.verifySender(SENDER);
        mail.verifySender(SENDER); // again: no failure, no change
        send(SENDER, "carol@example.com", "Hi", text("yes"));
        List<LocalMail.Message> received = mail.sentTo("Carol@Example.com");
        assertEquals(1, received.size(), "addresses compare case-insensitively");
        assertEquals(SENDER, received.get(0).from());
        assertEquals("yes", received.get(0).body());
        assertEquals(Optional.empty(), received.get(0).link());
    }

    @Test
    void readsBackRecipientSubjectAndTheLinkOfTextAndHtmlMessages() {
        mail.verifySender(SENDER);
        String link = "https://app.example.com/reset-password?uid=0b7c6a1e&token=Zm9vYmFy";
        send(SENDER, "alice@example.com", "Reset your password",
                text("Follow " + link + " to choose a new password."));
        String html = "<p><a href=\"" + link.replace("&", "&amp;") + "\">Choose a new password</a></p>"
                + "<p>Or open https://app.example.com/other</p>";
        send(SENDER, "bob@example.com", "Reset your password",
                Body.builder().text(c -> c.data("Follow " + link)).html(c -> c.data(html)).build());

        LocalMail.Message toAlice = single(mail.sentTo("alice@example.com"));
        assertEquals(List.of("alice@example.com"), toAlice.to());
        assertEquals("Reset your password", toAlice.subject());
        assertEquals(Optional.of(link), toAlice.link(), "the URL of the text, up to the space");

        LocalMail.Message toBob = single(mail.sentTo("bob@example.com"));
        assertTrue(toBob.body().contains("<a href="), "moto keeps the HTML part of a message that has both");
        assertEquals(Optional.of(link), toBob.link(), "the href, with &amp; undone");
        assertEquals(java.util.Map.of("uid", "0b7c6a1e", "token", "Zm9vYmFy"), toBob.linkParameters());

        List<LocalMail.Message> all = mail.sent();
        assertTrue(all.indexOf(toAlice) < all.indexOf(toBob), "in the order sent: " + all);
    }

    private static LocalMail.Message single(List<LocalMail.Message> messages) {
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }

    private static Body text(String text) {
        return Body.builder().text(c -> c.data(text)).build();
    }

    private static void send(String from, String to, String subject, Body body) {
        ses.sendEmail(r -> r.fromEmailAddress(from)
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject)).body(body))));
    }
}
