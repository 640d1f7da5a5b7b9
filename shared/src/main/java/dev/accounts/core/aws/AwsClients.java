package dev.accounts.core.aws;

import dev.accounts.core.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients once per execution environment, explicitly: one HTTP client (url-connection, the
 * lightest to start), region and credentials given rather than discovered, and timeouts that fit inside the
 * function's own timeout so a stuck DynamoDB call ends as a 503 instead of a Lambda timeout.
 */
public final class AwsClients {
    /** Per attempt, then per call with the standard mode's three attempts and backoff: well under Timeout 10 s. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** Public so that tests count the attempts this mode makes instead of copying the number. */
    public static final RetryMode RETRY_MODE = RetryMode.STANDARD;

    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;

    public AwsClients(Settings settings, Map<String, String> env) {
        this.settings = settings;
        this.credentials = credentialsFrom(env);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return configured(DynamoDbClient.builder(), settings.dynamoDbEndpoint());
    }

    public SecretsManagerClient secretsManager() {
        return configured(SecretsManagerClient.builder(), settings.secretsManagerEndpoint());
    }

    /**
     * Any other SDK client (SES for the lifecycle e-mails), configured as these are: the one HTTP client, region,
     * credentials, timeouts and retries; {@code endpoint} overrides AWS's for a local engine.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configured(B builder,
                                                                                          Optional<String> endpoint) {
        builder.httpClient(http)
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        endpoint.ifPresent(uri -> builder.endpointOverride(URI.create(uri)));
        return builder.build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RETRY_MODE)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }

    /**
     * Lambda with SnapStart serves credentials from a container endpoint (so they are fresh after a restore);
     * without it, and locally, they are in the environment.
     */
    private static AwsCredentialsProvider credentialsFrom(Map<String, String> env) {
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.create();
        }
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) {
            throw new IllegalStateException("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                    + "(any non-empty values for a local engine)");
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session == null || session.isEmpty()
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, session));
    }
}
