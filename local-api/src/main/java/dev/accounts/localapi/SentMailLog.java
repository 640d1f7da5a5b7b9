package dev.accounts.localapi;

import dev.accounts.devkit.LocalMail;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Prints each e-mail the functions send, one line each (recipients, subject, the link), about a second after
 * it is sent, so a developer can follow a reset or verification link by hand. Reads the local SES every
 * second; what it held before the local API started is not printed.
 */
final class SentMailLog implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final LocalMail mail;
    private final PrintStream out;
    private final Thread poller;
    private int printed;

    private SentMailLog(LocalMail mail, PrintStream out) {
        this.mail = mail;
        this.out = out;
        this.printed = mail.sent().size();
        this.poller = Thread.ofPlatform().daemon().name("sent-mail-log").unstarted(this::run);
    }

    static SentMailLog start(LocalMail mail, PrintStream out) {
        SentMailLog log = new SentMailLog(mail, out);
        log.poller.start();
        return log;
    }

    /** The line printed for one message. */
    static String line(LocalMail.Message message) {
        return String.format("E-mail to %s: \"%s\" %s", String.join(", ", message.to()), message.subject(),
                message.link().orElse("(no link)"));
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(INTERVAL);
                printNew();
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException unreadable) {
                // the mail server stopping with the API, or a passing hiccup: try again on the next tick
            }
        }
    }

    /** Prints the messages sent since the last call. */
    synchronized void printNew() {
        List<LocalMail.Message> sent = mail.sent();
        for (; printed < sent.size(); printed++) {
            out.println(line(sent.get(printed)));
        }
    }

    @Override
    public void close() {
        poller.interrupt();
    }
}
