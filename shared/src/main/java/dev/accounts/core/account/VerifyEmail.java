package dev.accounts.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.contract.Fields;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.store.EmailVerificationStore;
import java.time.Clock;

/** verify-email: the e-mailed key is the credential; a wrong, used or expired one is django-allauth's 404. */
public final class VerifyEmail {
    private final EmailVerificationStore keys;
    private final Clock clock;

    public VerifyEmail(EmailVerificationStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public void verify(ObjectNode body) {
        Fields fields = new Fields(body);
        String key = fields.required("key");
        fields.throwIfAny();
        if (!OneTimeSecrets.plausible(key) || !keys.verify(OneTimeSecrets.digest(key), clock.instant())) {
            throw Errors.notFound();
        }
        Metrics.count(Metrics.Count.EMAILS_VERIFIED);
    }
}
