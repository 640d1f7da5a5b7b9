package dev.accounts.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    /** Answers every read with the same key set, and counts the reads. */
    private static final class CountingSecrets implements SecretsManagerClient {
        final String secretJson = SigningKeySet.generate().toSecretJson();
        int reads;

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            reads++;
            return GetSecretValueResponse.builder().secretString(secretJson).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
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
}
