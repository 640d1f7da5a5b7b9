package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.mail.Email;
import dev.accounts.core.mail.MailUnavailableException;
import dev.accounts.core.mail.Mailer;
import dev.accounts.core.store.MailQuotaStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The quota rule for every lifecycle e-mail, with a quota of one slot per holder: a spent quota prepares and sends
 * nothing, and a failure after the reservation (storing the e-mail's secret, or SES) gives the slot back.
 */
class QuotaMailTest {
    private static final Email EMAIL = new Email("someone@example.com", "subject", "text", "<p>html</p>");
    private static final MailQuotaStore.Purpose RESET = MailQuotaStore.Purpose.PASSWORD_RESET;

    /** One e-mail per holder until given back. */
    private static final class OneSlot implements MailQuotaStore {
        final Set<String> taken = new HashSet<>();

        @Override
        public boolean reserve(Purpose purpose, String holder, Instant now) {
            return taken.add(purpose + holder);
        }

        @Override
        public void release(Purpose purpose, String holder, Instant reservedAt) {
            taken.remove(purpose + holder);
        }
    }

    private final OneSlot quota = new OneSlot();
    private final List<Email> sent = new ArrayList<>();
    private final Mailer ses = sent::add;
    private final QuotaMail mail = new QuotaMail(quota, Clock.systemUTC());

    @Test
    void theFirstGoesAndASecondWithinTheQuotaIsNeitherPreparedNorSent() throws Exception {
        assertTrue(mail.send(ses, RESET, "alice", () -> EMAIL));
        assertFalse(mail.send(ses, RESET, "alice", () -> {
            throw new AssertionError("prepared although the quota is spent");
        }));
        assertEquals(List.of(EMAIL), sent);
    }

    @Test
    void whenStoringTheSecretFailsTheSlotIsGivenBack() throws Exception {
        StorageUnavailableException down = new StorageUnavailableException("store token", "unreachable");
        assertThrows(StorageUnavailableException.class, () -> mail.send(ses, RESET, "bob", () -> {
            throw down;
        }));
        assertTrue(mail.send(ses, RESET, "bob", () -> EMAIL), "the retry is not refused as too soon");
    }

    @Test
    void whenSesFailsTheSlotIsGivenBack() throws Exception {
        Mailer failing = email -> {
            throw new MailUnavailableException("throttled", null);
        };
        assertThrows(MailUnavailableException.class, () -> mail.send(failing, RESET, "carol", () -> EMAIL));
        assertTrue(mail.send(ses, RESET, "carol", () -> EMAIL), "the retry is not refused as too soon");
        assertEquals(List.of(EMAIL), sent);
    }
}
