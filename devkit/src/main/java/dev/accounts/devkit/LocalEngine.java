package dev.accounts.devkit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A running local AWS engine (DynamoDB, and Secrets Manager where the engine has it) with the region and
 * dummy credentials that satisfy it. {@link #close()} stops what this engine started (nothing for {@link Kind#ENV}).
 */
public final class LocalEngine implements AutoCloseable {

    /** Where the engine came from, in the order they are tried. */
    public enum Kind {
        /** DYNAMODB_ENDPOINT was set: someone else runs it. */
        ENV,
        /** LocalStack in Docker, through Testcontainers. */
        LOCALSTACK,
        /** A moto_server child process. */
        MOTO
    }

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private final Kind kind;
    private final String endpoint;
    private final String secretsManagerEndpoint;
    private final AutoCloseable stopper;

    LocalEngine(Kind kind, String endpoint, String secretsManagerEndpoint, AutoCloseable stopper) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.secretsManagerEndpoint = secretsManagerEndpoint;
        this.stopper = stopper;
    }

    /** An engine someone else runs (kind ENV), DynamoDB and Secrets Manager at one endpoint; close() leaves it running. */
    public static LocalEngine external(String endpoint) {
        return new LocalEngine(Kind.ENV, endpoint, endpoint, () -> { });
    }

    public Kind kind() {
        return kind;
    }

    /** The DynamoDB endpoint, e.g. {@code http://127.0.0.1:50123}. */
    public String endpoint() {
        return endpoint;
    }

    /** The Secrets Manager endpoint: the same server for moto and LocalStack; SECRETSMANAGER_ENDPOINT or the DynamoDB one for ENV. */
    public String secretsManagerEndpoint() {
        return secretsManagerEndpoint;
    }

    public String region() {
        return REGION;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    /** A one-line description for test output, e.g. "moto at http://127.0.0.1:50123". */
    public String describe() {
        return kind.name().toLowerCase() + " at " + endpoint;
    }

    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public SecretsManagerClient secretsManagerClient() {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(secretsManagerEndpoint))
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + describe(), e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
