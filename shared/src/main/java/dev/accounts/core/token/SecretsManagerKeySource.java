package dev.accounts.core.token;

import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.contract.StorageUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The signing key set from Secrets Manager, cached for a bounded time so that a rotation reaches every running
 * function without a redeploy. When a refresh fails the last good set keeps serving; with none, a 503.
 */
public final class SecretsManagerKeySource implements Supplier<SigningKeySet> {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Benchmark seam only: its restore stand-in sets PT0S, so the first call after it finds the cache stale. */
    public static final String MAX_AGE_PROPERTY = "accounts.signingKeys.maxAge";
    private static final Duration CACHE_AGE = Duration.parse(System.getProperty(MAX_AGE_PROPERTY, MAX_AGE.toString()));

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private volatile SigningKeySet cached;
    private volatile Instant fetchedAt = Instant.MIN;

    public SecretsManagerKeySource(SecretsManagerClient client, String secretId, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.clock = clock;
    }

    @Override
    public SigningKeySet get() {
        Instant now = clock.instant();
        SigningKeySet current = cached;
        if (current != null && fetchedAt.plus(CACHE_AGE).isAfter(now)) {
            return current;
        }
        synchronized (this) {
            if (cached != null && fetchedAt.plus(CACHE_AGE).isAfter(now)) {
                return cached;
            }
            if (!RequestDeadline.allowsACall()) {
                // a stale key set still verifies and signs; none at all is a 503
                if (cached == null) {
                    throw RequestDeadline.refusal("read signing keys");
                }
                return cached;
            }
            try {
                String json = client.getSecretValue(r -> r.secretId(secretId)).secretString();
                cached = SigningKeySet.fromSecretJson(json);
                fetchedAt = now;
            } catch (SdkException | IllegalArgumentException e) {
                // Unreachable, or not (yet) a usable key set, as before the first deploy's generator ran.
                if (cached == null) {
                    throw new StorageUnavailableException("read signing keys", e);
                }
            }
            return cached;
        }
    }
}
