package dev.accounts.core.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.testing.TestStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnapStart's hook around a function's own priming. */
class PrimingHookTest {
    private static final TestStack STACK = TestStack.create();

    /** Records the trace id each priming round ran under. */
    static final class Recorder extends PrimedFunction {
        final List<String> traceIds = new ArrayList<>();

        Recorder() {
            this(STACK.services(Clock.systemUTC()));
        }

        Recorder(dev.accounts.core.wiring.EnvironmentWiring wiring) {
            super(wiring);
        }

        @Override
        protected ApiResponse handle(ApiRequest request) {
            return ApiResponse.json(200, Map.of());
        }

        @Override
        protected void prime(Primer primer) {
            traceIds.add(System.getProperty(PrimedFunction.TRACE_HEADER_PROPERTY));
        }
    }

    @AfterEach
    void clearTraceId() {
        System.clearProperty(PrimedFunction.TRACE_HEADER_PROPERTY);
    }

    /** A snapshot may be restored hours later, after a rotation: the key set is read again on first use. */
    @Test
    void afterRestoreTheKeySetIsReadAgain() {
        dev.accounts.core.testing.MutableClock clock = dev.accounts.core.testing.MutableClock.startingNow();
        dev.accounts.core.wiring.EnvironmentWiring wiring = STACK.servicesReadingSecret(clock);
        Recorder function = new Recorder(wiring);
        String before = wiring.signingKeys().get().currentKid();
        dev.accounts.core.token.SigningKeySet rotated = STACK.keys().withNewCurrentKey();
        STACK.storeKeys(rotated);
        try {
            assertEquals(before, wiring.signingKeys().get().currentKid(), "cached within its max age");

            function.afterRestore(null);

            assertEquals(rotated.currentKid(), wiring.signingKeys().get().currentKid());
        } finally {
            STACK.storeKeys(STACK.keys());
        }
    }

    @Test
    void primesUnderATraceIdAsAnInvocationRunsAndLeavesNoneBehind() {
        Recorder function = new Recorder();

        function.beforeCheckpoint(null);

        assertEquals(Collections.nCopies(PrimedFunction.PRIMING_ROUNDS, PrimingEvents.TRACE_ID), function.traceIds);
        assertNull(System.getProperty(PrimedFunction.TRACE_HEADER_PROPERTY),
                "the first invocation must not inherit priming's trace id");
    }

    @Test
    void givesBackATraceIdThatWasAlreadySet() {
        System.setProperty(PrimedFunction.TRACE_HEADER_PROPERTY, "Root=1-5f84c7a1-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1");

        new Recorder().beforeCheckpoint(null);

        assertEquals("Root=1-5f84c7a1-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1",
                System.getProperty(PrimedFunction.TRACE_HEADER_PROPERTY));
    }
}
