package dev.accounts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One execution environment's conversation with the Runtime API: the events it will be given, in order, and
 * when each was handed out and answered (System.nanoTime). An event is prepared only when the runtime asks
 * for it, so preparing state (a fresh token, a user to delete) is never inside a timed span. Any error the
 * runtime reports, or an answer that is not 2xx, fails the whole run: a benchmark of error paths is no benchmark.
 */
final class Invocations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String session;
    private final List<Supplier<String>> events;
    private final long[] delivered;
    private final long[] answered;
    private final String[] answers;
    private final AtomicInteger handedOut = new AtomicInteger();
    private final CountDownLatch allAnswered;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long firstPoll;
    private volatile long restorePoll;
    private volatile String failure;
    private volatile Runnable atRestore = () -> { };

    Invocations(String session, List<Supplier<String>> events) {
        this.session = session;
        this.events = List.copyOf(events);
        this.delivered = new long[events.size()];
        this.answered = new long[events.size()];
        this.answers = new String[events.size()];
        this.allAnswered = new CountDownLatch(events.size());
    }

    /** The next event and its request id; null once all are out (the caller then waits for {@link #finish()}). */
    Event next() {
        if (firstPoll == 0) {
            firstPoll = System.nanoTime();
        }
        int index = handedOut.getAndIncrement();
        if (index >= events.size()) {
            awaitFinish();
            return null;
        }
        String body;
        try {
            body = events.get(index).get();
        } catch (RuntimeException e) {
            fail("preparing event " + index + " failed: " + e);
            throw e;
        }
        delivered[index] = System.nanoTime();
        return new Event(session + "-" + index, body);
    }

    void answered(String requestId, String body) {
        long now = System.nanoTime();
        int index = indexOf(requestId);
        if (index < 0) {
            return; // a late answer from an environment of an earlier run
        }
        answered[index] = now;
        answers[index] = body;
        int status = statusOf(body);
        if (status < 200 || status > 299) {
            fail("invocation " + index + " answered HTTP " + status + ": " + abbreviate(body));
        }
        allAnswered.countDown();
    }

    void failed(String what, String body) {
        fail(what + ": " + abbreviate(body));
    }

    /** Runs when the runtime reaches restore/next, where SnapStart would take its snapshot. */
    void atRestore(Runnable action) {
        atRestore = action;
    }

    void restorePolled() {
        restorePoll = System.nanoTime();
        atRestore.run();
    }

    /** Waits until every event is answered; false on a failure, on the process's death or on the timeout. */
    boolean awaitAnswers(Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failure != null) {
                return false;
            }
            if (allAnswered.await(10, TimeUnit.MILLISECONDS)) {
                return failure == null;
            }
            if (!process.isAlive()) {
                fail("the function's JVM exited with code " + process.exitValue());
                return false;
            }
        }
        fail("no answer to every event within " + timeout.toSeconds() + " s");
        return false;
    }

    /** Releases a runtime still waiting for another event (its process is about to be stopped). */
    void finish() {
        finished.countDown();
    }

    String failure() {
        return failure;
    }

    long firstPoll() {
        return firstPoll;
    }

    long restorePoll() {
        return restorePoll;
    }

    long delivered(int index) {
        return delivered[index];
    }

    long answered(int index) {
        return answered[index];
    }

    String answer(int index) {
        return answers[index];
    }

    int size() {
        return events.size();
    }

    private void fail(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    private void awaitFinish() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int indexOf(String requestId) {
        String prefix = session + "-";
        if (requestId == null || !requestId.startsWith(prefix)) {
            return -1;
        }
        try {
            int index = Integer.parseInt(requestId.substring(prefix.length()));
            return index >= 0 && index < events.size() ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int statusOf(String body) {
        try {
            JsonNode status = JSON.readTree(body).path("statusCode");
            return status.isInt() ? status.intValue() : -1;
        } catch (Exception notJson) {
            return -1;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "(empty)" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    record Event(String requestId, String body) {
    }
}
