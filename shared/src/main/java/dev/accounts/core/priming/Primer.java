package dev.accounts.core.priming;

import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.log.Metrics;
import dev.accounts.core.mail.MailWarmup;
import dev.accounts.core.store.dynamo.StoreWarmups;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenRejected;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenType;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.function.Consumer;

/**
 * What one round of priming can do, all from outside the domain: send a request through the handler, run the
 * stores' warm-up calls, mint a token pair for an account that exists nowhere, and reach the wiring's parts.
 */
public final class Primer {
    private final EnvironmentWiring wiring;
    private final Consumer<HttpApiEvent> sender;

    Primer(EnvironmentWiring wiring, Consumer<HttpApiEvent> sender) {
        this.wiring = wiring;
        this.sender = sender;
        // Every function counts something: build each count's line as counting does, printing none.
        for (Metrics.Count event : Metrics.Count.values()) {
            Metrics.line(event);
        }
    }

    /** Sends the request through the path Lambda uses; its answer is dropped. */
    public void send(HttpApiEvent event) {
        sender.accept(event);
    }

    /**
     * Writes an answer as Lambda's path does, its bytes dropped: for the answers a priming request cannot get
     * without writing something (a login's tokens, a refresh's new pair).
     */
    public void render(ApiResponse response) {
        response.toLambdaJson();
    }

    /** SES's send path, refused (see {@link MailWarmup}); nothing where no sender is configured. */
    public void refusedEmail() {
        wiring.mailWarmup().ifPresent(MailWarmup::refusedSend);
    }

    /** As {@link #refusedEmail}, where this function would send verification e-mails. */
    public void refusedVerificationEmail() {
        if (wiring.verificationEmails().enabled()) {
            refusedEmail();
        }
    }

    public StoreWarmups stores() {
        return wiring.storeWarmups();
    }

    public EnvironmentWiring wiring() {
        return wiring;
    }

    /** The issuer the handler derives for priming requests. */
    public String issuer() {
        return wiring.tokenIssuer().forBaseUrl(PrimingEvents.baseUrl());
    }

    /**
     * Signs and verifies a pair for a user id that exists nowhere (keys loaded, code compiled). The pair is for
     * this round's requests and must not outlive them.
     */
    public TokenPair tokenPair() {
        TokenService tokens = wiring.tokens();
        String issuer = issuer();
        TokenPair pair = tokens.issue("priming-" + tokens.newFamily(), tokens.newFamily(), issuer);
        try {
            tokens.verify(pair.access(), TokenType.ACCESS, issuer);
            tokens.verify(pair.refresh(), TokenType.REFRESH, issuer);
        } catch (TokenRejected e) {
            throw new IllegalStateException("a token just issued does not verify: check the key set", e);
        }
        return pair;
    }
}
