package dev.accounts.core.aws;

import dev.accounts.core.contract.StorageUnavailableException;
import java.time.Duration;

/**
 * When the current request must have answered: Lambda's remaining time at its start. An AWS call is started
 * only if it can end (the SDK gives up on one after {@link AwsClients#CALL_TIMEOUT}) with time left to answer,
 * so a slow but answering AWS ends a request as a 503 with its JSON body, never as a Lambda timeout, which API
 * Gateway turns into a bare error. Requests without a Lambda context (tests, tools) have no deadline.
 */
public final class RequestDeadline {
    /** Kept for writing the answer and the log line after the last call. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(300);
    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private RequestDeadline() {}

    /** A request that must answer within {@code remainingMillis} (Lambda's remaining time) starts now. */
    public static void startWithin(long remainingMillis) {
        DEADLINE_NANOS.set(System.nanoTime() + remainingMillis * 1_000_000L);
    }

    /** A request without a deadline (no Lambda context: tests, tools) starts now. */
    public static void startUnbounded() {
        DEADLINE_NANOS.remove();
    }

    public static void end() {
        DEADLINE_NANOS.remove();
    }

    /** Whether a call started now would end before the deadline, whatever AWS does. */
    public static boolean allowsACall() {
        Long deadline = DEADLINE_NANOS.get();
        return deadline == null
                || deadline - System.nanoTime() >= AwsClients.CALL_TIMEOUT.plus(ANSWER_MARGIN).toNanos();
    }

    /** Refuses to start `operation` when it might outlive the request. */
    public static void checkTimeFor(String operation) {
        if (!allowsACall()) {
            throw refusal(operation);
        }
    }

    /** What a request gets for an `operation` it has no time left to start: the contract's 503. */
    public static StorageUnavailableException refusal(String operation) {
        return new StorageUnavailableException(operation, "too little of the function's time left for a call");
    }
}
