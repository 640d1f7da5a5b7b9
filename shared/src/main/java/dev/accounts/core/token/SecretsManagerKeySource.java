package dev.accounts.core.token;

import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.contract.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * The signing key set from Secrets Manager, cached for a bounded time so that a rotation reaches every running
 * function without a redeploy. A slow or failing Secrets Manager must not become a 503 on every token path:
 * once a set is held, a stale one keeps serving; one request at a time (per environment) tries to fetch a fresh
 * one, under a short timeout, while the others go on with the stale set; after a failed fetch the next waits
 * (doubling, up to {@link #MAX_BACKOFF}). With no set held yet, a request waits for the fetch; failing, a 503.
 */
public final class SecretsManagerKeySource implements Supplier<SigningKeySet> {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** The whole refresh call (all its attempts) when a stale set could serve instead. */
    public static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(2);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile SigningKeySet cached;
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant nextTryAt = Instant.MIN;
    private volatile Duration backoff = FIRST_BACKOFF;

    public SecretsManagerKeySource(SecretsManagerClient client, String secretId, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.clock = clock;
    }

    @Override
    public SigningKeySet get() {
        SigningKeySet current = cached;
        Instant now = clock.instant();
        if (current != null && fetchedAt.plus(MAX_AGE).isAfter(now)) {
            return current;
        }
        if (current == null) {
            return firstFetch();
        }
        // Stale: one request refreshes, unless a recent failure says wait; the rest serve the stale set.
        if (now.isBefore(nextTryAt) || !RequestDeadline.allowsACall() || !fetching.tryLock()) {
            return current;
        }
        try {
            if (fetchedAt.plus(MAX_AGE).isAfter(clock.instant())) {
                return cached; // refreshed by another request meanwhile
            }
            fetch(REFRESH_TIMEOUT);
        } catch (SdkException | IllegalArgumentException e) {
            // Unreachable, slow, or not a usable key set: the stale set serves; the next try waits.
            nextTryAt = clock.instant().plus(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        } finally {
            fetching.unlock();
        }
        return cached;
    }

    /**
     * Takes the held set as stale: the next request fetches it again (serving it meanwhile). For an environment
     * restored from a SnapStart snapshot, which may be hours old and have missed a rotation.
     */
    public void markStale() {
        fetchedAt = Instant.MIN;
        nextTryAt = Instant.MIN;
    }

    /** Nothing to serve yet: wait for the one fetch in progress, or make it; a failure is a 503. */
    private SigningKeySet firstFetch() {
        fetching.lock();
        try {
            if (cached != null) {
                return cached;
            }
            if (!RequestDeadline.allowsACall()) {
                throw RequestDeadline.refusal("read signing keys");
            }
            fetch(null);
            return cached;
        } catch (SdkException | IllegalArgumentException e) {
            // Unreachable, or not (yet) a usable key set, as before the first deploy's generator ran.
            throw new StorageUnavailableException("read signing keys", e);
        } finally {
            fetching.unlock();
        }
    }

    /** {@code timeout}: for the whole call, all its attempts; null keeps the client's own (the request's deadline). */
    private void fetch(Duration timeout) {
        GetSecretValueRequest.Builder request = GetSecretValueRequest.builder().secretId(secretId);
        if (timeout != null) {
            request.overrideConfiguration(c -> c.apiCallTimeout(timeout));
        }
        String json = client.getSecretValue(request.build()).secretString();
        cached = SigningKeySet.fromSecretJson(json);
        fetchedAt = clock.instant();
        backoff = FIRST_BACKOFF;
        nextTryAt = Instant.MIN;
    }
}
