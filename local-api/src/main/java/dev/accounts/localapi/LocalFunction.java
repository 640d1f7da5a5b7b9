package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.localapi.runtime.LambdaContext;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of the template, served as Lambda serves it: by a pool of {@link ExecutionEnvironment}s. A request
 * takes the most recently used idle environment (warm); when every one is busy it starts a new one (a cold start,
 * logged with its init time), up to {@code maxEnvironments}; beyond that the invocation is throttled. Each
 * invocation may run for the function's Timeout (or API Gateway's integration timeout, when that is shorter).
 */
final class LocalFunction implements AutoCloseable {

    /** API Gateway HTTP API's integration timeout (SAM's default, also its maximum). */
    static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    /** What an invocation came to. */
    sealed interface Outcome {
        record Answered(APIGatewayV2HTTPResponse response) implements Outcome {}

        /** The handler threw: Lambda's unhandled function error. */
        record Failed(Throwable error) implements Outcome {}

        /** Stopped at the function's Timeout, or API Gateway gave up first ({@code byIntegration}). */
        record TimedOut(Duration after, boolean byIntegration) implements Outcome {}

        /** Every allowed environment was busy: Lambda's TooManyRequestsException. */
        record Throttled(int limit) implements Outcome {}
    }

    private final FunctionSpec spec;
    private final Map<String, String> environment;
    private final int maxEnvironments;
    private final PrintStream out;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private int live;
    private int started;
    private int busyPeak;

    private LocalFunction(FunctionSpec spec, Map<String, String> environment, int maxEnvironments, PrintStream out) {
        this.spec = spec;
        this.environment = Map.copyOf(environment);
        this.maxEnvironments = maxEnvironments;
        this.out = out;
    }

    /**
     * The function with one environment started now, so a broken handler fails the start rather than the first
     * request. {@code maxEnvironments}: ReservedConcurrentExecutions when the template sets it, else {@code defaultLimit}.
     */
    static LocalFunction create(FunctionSpec spec, Map<String, String> environment, int defaultLimit, PrintStream out) {
        LocalFunction function = new LocalFunction(spec, environment, spec.reservedConcurrency().orElse(defaultLimit), out);
        if (function.maxEnvironments > 0) {
            function.idle.push(function.startEnvironment());
            function.live = 1;
        }
        return function;
    }

    FunctionSpec spec() {
        return spec;
    }

    int maxEnvironments() {
        return maxEnvironments;
    }

    /** Environments started so far, the one started with the function included. */
    synchronized int environmentsStarted() {
        return started;
    }

    /** The most environments that were busy at once since the last time this was asked. */
    synchronized int takeBusyPeak() {
        int peak = busyPeak;
        busyPeak = 0;
        return peak;
    }

    Outcome invoke(APIGatewayV2HTTPEvent event, String requestId) {
        ExecutionEnvironment environment;
        synchronized (this) {
            environment = idle.pollFirst();
            if (environment == null) {
                if (live >= maxEnvironments) {
                    return new Outcome.Throttled(maxEnvironments);
                }
                live++; // the slot is taken before the init, which runs outside the lock
            }
            busyPeak = Math.max(busyPeak, live - idle.size());
        }
        if (environment == null) {
            try {
                environment = startEnvironment();
            } catch (RuntimeException | LinkageError e) {
                synchronized (this) {
                    live--;
                }
                return new Outcome.Failed(e);
            }
            out.printf("%s %s cold start: environment %d of at most %d, init %d ms%n", Instant.now(), spec.logicalId(),
                    environment.number(), maxEnvironments, environment.initMillis());
        }
        return invokeOn(environment, event, requestId);
    }

    private Outcome invokeOn(ExecutionEnvironment environment, APIGatewayV2HTTPEvent event, String requestId) {
        boolean integrationFirst = INTEGRATION_TIMEOUT.compareTo(Duration.ofSeconds(spec.timeoutSeconds())) < 0;
        Duration limit = integrationFirst ? INTEGRATION_TIMEOUT : Duration.ofSeconds(spec.timeoutSeconds());
        long initNanos = environment.takeColdStartInitNanos();
        // Lambda's timeout runs from when an environment takes the request, not while the request waits for one.
        LambdaContext context = new LambdaContext(spec.logicalId(), spec.memorySizeMb(), spec.timeoutSeconds(), requestId, out);
        long startedAt = System.nanoTime();
        Future<APIGatewayV2HTTPResponse> call = environment.thread().submit(() -> environment.handler().handleRequest(event, context));
        Outcome outcome;
        boolean retire = false;
        try {
            outcome = new Outcome.Answered(call.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            retire = true;
            outcome = new Outcome.TimedOut(limit, integrationFirst);
            if (!integrationFirst) {
                out.printf(Locale.ROOT, "%s %s Task timed out after %.2f seconds%n", Instant.now(), requestId,
                        (System.nanoTime() - startedAt) / 1e9);
            }
        } catch (ExecutionException e) {
            outcome = new Outcome.Failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            retire = true;
            outcome = new Outcome.Failed(e);
        }
        out.println(new ReportLine(requestId, System.nanoTime() - startedAt, spec.memorySizeMb(), OptionalLong.empty(),
                initNanos < 0 ? OptionalLong.empty() : OptionalLong.of(initNanos)));
        release(environment, retire);
        return outcome;
    }

    private ExecutionEnvironment startEnvironment() {
        int number;
        synchronized (this) {
            number = ++started;
        }
        return ExecutionEnvironment.start(spec, environment, number);
    }

    private synchronized void release(ExecutionEnvironment environment, boolean retire) {
        if (retire) {
            live--;
            environment.retire();
        } else {
            idle.addFirst(environment); // the warmest first, so idle ones stay idle as in Lambda
        }
    }

    @Override
    public synchronized void close() {
        idle.forEach(ExecutionEnvironment::retire);
        idle.clear();
    }
}
