package dev.accounts.core.priming;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.json.Json;
import dev.accounts.core.log.JsonLog;
import dev.accounts.core.store.dynamo.StoreWarmups;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function that SnapStart primes: before the snapshot it runs its code path without side effects (no write, no
 * e-mail, nothing unique kept for later requests), so class loading, JIT compilation and connection set-up are
 * paid once at deploy time rather than by the first user. A handler only declares what it sends, in
 * {@link #prime(Primer)}; the domain knows nothing of it.
 */
public abstract class PrimedFunction extends ApiFunction implements Resource {
    /** Rounds of priming: enough for the JIT to compile the hot paths, which the snapshot then keeps. */
    public static final int PRIMING_ROUNDS = 5;
    /** Where the runtime client puts each invocation's X-Ray trace id (and the AWS SDK looks for it). */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final EnvironmentWiring wiring;

    /** Registers for SnapStart's checkpoint (org.crac is a no-op where the JVM has no CRaC). */
    protected PrimedFunction(EnvironmentWiring wiring) {
        this.wiring = wiring;
        Core.getGlobalContext().register(this);
    }

    /** What this function sends itself, and which warm-ups it runs, before the snapshot. */
    protected abstract void prime(Primer primer);

    /**
     * Best effort: priming that fails (storage unreachable or throttled while the version is published) leaves a
     * slower first call, which is no reason to fail the deployment, so it is logged and the snapshot goes ahead.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // Every invocation runs under a trace id, which the runtime client sets as this property and the AWS SDK
        // then adds to each call as a header: priming does the same, or that path is left for the first request.
        String traceId = System.getProperty(TRACE_HEADER_PROPERTY);
        System.setProperty(TRACE_HEADER_PROPERTY, PrimingEvents.TRACE_ID);
        try {
            Runnable rounds = () -> {
                for (int round = 0; round < PRIMING_ROUNDS; round++) {
                    prime(new Primer(wiring, this::send));
                }
            };
            // A function that only verifies holds the public keys: it primes with a key of its own, trusted only
            // while it primes, so that its priming requests take the real path.
            if (needsSigningKeys() && !wiring.signingKeys().get().canSign()) {
                wiring.withSubstituteKeys(SigningKeySet.generate(), rounds);
            } else {
                rounds.run();
            }
            if (needsSigningKeys()) {
                // afterRestore marks the key set stale, so the first request after a restore refreshes it (under a
                // timeout of its own): that path once here, or its classes load in that request.
                wiring.renewAfterRestore();
                wiring.signingKeys().get();
            }
        } catch (RuntimeException e) {
            JsonLog.warn("priming incomplete", Map.of("function", getClass().getSimpleName(),
                    "error", e.getClass().getName()));
        } finally {
            if (traceId == null) {
                System.clearProperty(TRACE_HEADER_PROPERTY);
            } else {
                System.setProperty(TRACE_HEADER_PROPERTY, traceId);
            }
        }
        RuntimeClientClasses.load(getClass().getClassLoader());
        RuntimeClientClasses.load(StoreWarmups.FOUND_ITEM_CLASSES, getClass().getClassLoader());
    }

    /** Whether the function is given a signing key set at all (the discovery document and the e-mail ones are not). */
    private boolean needsSigningKeys() {
        return wiring.settings().signingKeySecretId().isPresent();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Credentials come from the container endpoint and random values are drawn per request; the key set may
        // have been rotated since the snapshot. Connections opened while priming sit in the JDK's keep-alive
        // cache (the url-connection HTTP client), which has no public way to be emptied: one the server has
        // closed fails on first use and the SDK's retry opens a new one.
        wiring.renewAfterRestore();
    }

    /** A priming request, sent through the path Lambda uses: event bytes in, response bytes out. */
    private void send(HttpApiEvent event) {
        try {
            handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event.build())),
                    OutputStream.nullOutputStream(), null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
