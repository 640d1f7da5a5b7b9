package dev.accounts.reliability.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mixed workload over real HTTP on loopback: each client signs up, then loops over sign-ups, logins (of its
 * own accounts) and refreshes (of its own latest refresh token, so no client ever replays a spent token), until
 * the time or the request budget runs out. Every answer other than the contract's success counts as an error.
 */
final class LoadGenerator {
    enum Operation {
        SIGN_UP("sign-up", "/account/create-account", 201, 5),
        LOGIN("login", "/account/login", 200, 15),
        REFRESH("refresh", "/account/refresh", 200, 80);

        final String label;
        final String path;
        final int success;
        /** Share of the workload, in percent. */
        final int weight;

        Operation(String label, String path, int success, int weight) {
            this.label = label;
            this.path = path;
            this.success = success;
            this.weight = weight;
        }
    }

    /** API Gateway's own limit for an integration: a client of the deployed API never waits longer. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(29);
    private static final int ERRORS_KEPT = 10;

    private final URI base;
    private final List<Client> clients = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    LoadGenerator(URI base, int clients, long seed) {
        if (!isLoopback(base)) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + base);
        }
        this.base = base;
        for (int i = 0; i < clients; i++) {
            this.clients.add(new Client(new Random(seed + i)));
        }
    }

    /**
     * Runs every client until `duration` has passed or `maxRequests` were sent, whichever comes first. Clients
     * start one after another over `rampUp` (a warm-up should not open with every client signing up at once),
     * and keep their accounts and tokens from one run to the next, so a run after a warm-up measures the mix alone.
     */
    LoadReport run(Duration duration, long maxRequests, Duration rampUp) {
        Run run = new Run(System.nanoTime() + duration.toNanos(), new AtomicLong(maxRequests));
        List<Thread> threads = new ArrayList<>();
        long begun = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            long delayMillis = rampUp.toMillis() * i / clients.size();
            threads.add(Thread.ofPlatform().name("load-client-" + i).start(() -> {
                pause(delayMillis);
                client.runUntilDone(run);
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begun);
        return new LoadReport(clients.size(), elapsed, run.latencies, run.errors.get(), List.copyOf(run.firstErrors));
    }

    /** One run's bounds and what it measured, shared by its clients. */
    private static final class Run {
        final long deadline;
        final AtomicLong budget;
        final Map<Operation, Latencies> latencies = new EnumMap<>(Operation.class);
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        Run(long deadline, AtomicLong budget) {
            this.deadline = deadline;
            this.budget = budget;
            for (Operation operation : Operation.values()) {
                latencies.put(operation, new Latencies());
            }
        }

        boolean goesOn() {
            return System.nanoTime() < deadline && budget.getAndDecrement() > 0;
        }

        void record(Operation operation, long nanos) {
            Latencies times = latencies.get(operation);
            synchronized (times) {
                times.add(nanos);
            }
        }

        void error(String description) {
            if (errors.incrementAndGet() <= ERRORS_KEPT) {
                firstErrors.add(description);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isLoopback(URI uri) {
        try {
            return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** One client: sequential requests, its own accounts and its own chain of refresh tokens. */
    private final class Client {
        private final Random random;
        private final List<String> usernames = new ArrayList<>();
        private String refreshToken;

        Client(Random random) {
            this.random = random;
        }

        void runUntilDone(Run run) {
            while (run.goesOn()) {
                Operation operation = usernames.isEmpty() ? Operation.SIGN_UP
                        : refreshToken == null ? Operation.LOGIN : pick();
                perform(operation, run);
            }
        }

        private Operation pick() {
            int roll = random.nextInt(100);
            for (Operation operation : Operation.values()) {
                roll -= operation.weight;
                if (roll < 0) {
                    return operation;
                }
            }
            return Operation.REFRESH;
        }

        private void perform(Operation operation, Run run) {
            String body = switch (operation) {
                case SIGN_UP -> Accounts.body("username", Accounts.uniqueName("load"), "password", Accounts.PASSWORD);
                case LOGIN -> Accounts.body("username", usernames.get(random.nextInt(usernames.size())),
                        "password", Accounts.PASSWORD);
                case REFRESH -> Accounts.refreshBody(refreshToken);
            };
            HttpRequest request = HttpRequest.newBuilder(base.resolve(operation.path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                run.record(operation, System.nanoTime() - started);
                if (response.statusCode() != operation.success) {
                    run.error(operation + " answered " + response.statusCode() + " " + response.body());
                    if (operation == Operation.REFRESH) {
                        refreshToken = null; // log in again rather than repeat the failure
                    }
                    return;
                }
                JsonNode answer = Json.parse(response.body());
                switch (operation) {
                    case SIGN_UP -> usernames.add(answer.path("username").asText());
                    case LOGIN, REFRESH -> refreshToken = answer.path("refresh").asText();
                }
            } catch (IOException e) {
                run.record(operation, System.nanoTime() - started);
                run.error(operation + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.error(operation + " interrupted");
            }
        }
    }
}
