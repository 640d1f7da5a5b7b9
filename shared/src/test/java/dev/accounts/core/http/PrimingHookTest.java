package dev.accounts.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnapStart's hook around a function's own priming. */
class PrimingHookTest {
    /** Records the trace id each priming round ran under. */
    static final class Recorder extends ApiFunction {
        final List<String> traceIds = new ArrayList<>();

        @Override
        protected ApiResponse handle(ApiRequest request) {
            return ApiResponse.json(200, Map.of());
        }

        @Override
        public void prime() {
            traceIds.add(System.getProperty(ApiFunction.TRACE_HEADER_PROPERTY));
        }
    }

    @AfterEach
    void clearTraceId() {
        System.clearProperty(ApiFunction.TRACE_HEADER_PROPERTY);
    }

    @Test
    void primesUnderATraceIdAsAnInvocationRunsAndLeavesNoneBehind() {
        Recorder function = new Recorder();

        function.beforeCheckpoint(null);

        assertEquals(Collections.nCopies(ApiFunction.PRIMING_ROUNDS, PrimingRequests.TRACE_ID), function.traceIds);
        assertNull(System.getProperty(ApiFunction.TRACE_HEADER_PROPERTY),
                "the first invocation must not inherit priming's trace id");
    }

    @Test
    void givesBackATraceIdThatWasAlreadySet() {
        System.setProperty(ApiFunction.TRACE_HEADER_PROPERTY, "Root=1-5f84c7a1-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1");

        new Recorder().beforeCheckpoint(null);

        assertEquals("Root=1-5f84c7a1-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1",
                System.getProperty(ApiFunction.TRACE_HEADER_PROPERTY));
    }
}
