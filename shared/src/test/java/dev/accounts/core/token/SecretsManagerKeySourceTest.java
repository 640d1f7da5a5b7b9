package dev.accounts.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** The key set is fetched when its cache is stale, unless the request has no time left for a call. */
class SecretsManagerKeySourceTest {
    /** A Secrets Manager client in memory: only getSecretValue, which each fake defines. */
    private abstract static class FakeSecrets implements SecretsManagerClient {
        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    /** Answers every read with the same key set, and counts the reads. */
    private static final class CountingSecrets extends FakeSecrets {
        final String secretJson = SigningKeySet.generate().toSecretJson();
        int reads;

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            reads++;
            return GetSecretValueResponse.builder().secretString(secretJson).build();
        }
    }

    private final CountingSecrets secrets = new CountingSecrets();
    private final MutableClock clock = MutableClock.startingNow();
    private final SecretsManagerKeySource source = new SecretsManagerKeySource(secrets, "keys", clock);

    @AfterEach
    void endRequest() {
        RequestDeadline.end();
    }

    @Test
    void withNoKeySetYetAndNoTimeForACallTheRequestGetsA503WithoutACall() {
        RequestDeadline.startWithin(4_000);

        assertThrows(StorageUnavailableException.class, source::get);
        assertEquals(0, secrets.reads);
    }

    @Test
    void aStaleKeySetStillServesARequestWithNoTimeForACall() {
        SigningKeySet fetched = source.get();
        clock.advance(SecretsManagerKeySource.MAX_AGE.plus(Duration.ofSeconds(1)));
        RequestDeadline.startWithin(4_000);

        assertSame(fetched, source.get());
        assertEquals(1, secrets.reads);
    }

    @Test
    void aStaleKeySetIsFetchedAgainWhenThereIsTime() {
        source.get();
        clock.advance(SecretsManagerKeySource.MAX_AGE.plus(Duration.ofSeconds(1)));
        RequestDeadline.startWithin(10_000);

        source.get();
        assertEquals(2, secrets.reads);
    }

    /**
     * Secrets Manager hangs once the set is stale: the one request that tries to refresh waits for it, every other
     * request serves the stale set at once, and after the failure nobody tries again until the backoff has passed.
     */
    @Test
    void aHangingSecretsManagerHoldsOneRequestWhileTheOthersServeTheStaleSet() throws Exception {
        HangingSecrets hanging = new HangingSecrets();
        SecretsManagerKeySource stale = new SecretsManagerKeySource(hanging, "keys", clock);
        SigningKeySet first = stale.get();
        clock.advance(SecretsManagerKeySource.MAX_AGE.plusSeconds(1));

        java.util.concurrent.CompletableFuture<SigningKeySet> refresher =
                java.util.concurrent.CompletableFuture.supplyAsync(stale::get);
        assertTrue(hanging.entered.await(10, java.util.concurrent.TimeUnit.SECONDS), "the refresh reached Secrets Manager");
        for (int i = 0; i < 5; i++) {
            assertSame(first, assertTimeoutPreemptively(Duration.ofSeconds(1), stale::get), "the stale set, at once");
        }
        assertEquals(2, hanging.calls.get(), "one refresh at a time");

        hanging.release.countDown(); // the hanging call ends in a timeout
        assertSame(first, refresher.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertSame(first, stale.get());
        assertEquals(2, hanging.calls.get(), "within the backoff nobody tries again");

        hanging.healthy = true;
        clock.advance(SecretsManagerKeySource.FIRST_BACKOFF.plusSeconds(1));
        stale.get();
        assertEquals(3, hanging.calls.get(), "after the backoff one request tries again");
    }

    /** Serves the set once, then hangs every call until released, and fails it as the SDK's timeout does. */
    private static final class HangingSecrets extends FakeSecrets {
        final String secretJson = SigningKeySet.generate().toSecretJson();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        volatile boolean healthy;

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            if (calls.incrementAndGet() > 1 && !healthy) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw software.amazon.awssdk.core.exception.ApiCallTimeoutException.create(
                        SecretsManagerKeySource.REFRESH_TIMEOUT.toMillis());
            }
            return GetSecretValueResponse.builder().secretString(secretJson).build();
        }
    }

    /** A real SDK client against an endpoint that answers once, then never: the refresh gives up in time. */
    @Test
    void theRefreshOfAStaleSetGivesUpWithinItsShortTimeout() throws Exception {
        String secretJson = SigningKeySet.generate().toSecretJson();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() > 1) {
                try {
                    Thread.sleep(60_000); // hangs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = dev.accounts.core.json.Json.write(java.util.Map.of("ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:keys",
                    "Name", "keys", "SecretString", secretJson)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (SecretsManagerClient real = SecretsManagerClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            SecretsManagerKeySource stale = new SecretsManagerKeySource(real, "keys", clock);
            SigningKeySet first = stale.get();
            clock.advance(SecretsManagerKeySource.MAX_AGE.plusSeconds(1));

            long started = System.nanoTime();
            assertSame(first, stale.get());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("refresh against a hanging Secrets Manager gave up after " + took.toMillis() + " ms");
            // the SDK default would wait far longer (retries, socket timeouts); the hang itself lasts 60 s
            assertTrue(took.compareTo(SecretsManagerKeySource.REFRESH_TIMEOUT.multipliedBy(4)) < 0, "took " + took);
        } finally {
            server.stop(0);
        }
    }
}
