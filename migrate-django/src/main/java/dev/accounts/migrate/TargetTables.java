package dev.accounts.migrate;

import dev.accounts.core.config.Settings;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.store.dynamo.DynamoUserStore;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The stack's tables, named by the same environment variables the functions read. Unlike a function, an
 * operator's shell may hold its credentials in a profile or an SSO session, so the SDK's default chain is
 * used unless the keys are given in the environment passed in; so is the SDK's region chain unless AWS_REGION is.
 */
final class TargetTables implements AutoCloseable {
    private final Settings settings;
    private final Region region;
    private final DynamoDbClient client;

    private TargetTables(Settings settings, Region region, DynamoDbClient client) {
        this.settings = settings;
        this.region = region;
        this.client = client;
    }

    /** Fails with a message naming the variable when USERS_TABLE or REVOKED_TOKENS_TABLE is not set. */
    static TargetTables fromEnvironment(Map<String, String> env) {
        Settings settings = Settings.from(env);
        settings.usersTable();
        settings.revokedTokensTable();
        Region region = region(env);
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region)
                .credentialsProvider(credentials(env));
        settings.dynamoDbEndpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return new TargetTables(settings, region, builder.build());
    }

    /**
     * AWS_REGION when given, else where the AWS CLI would look (the `aws.region` property, the profile's
     * `region`, the instance's region); never a guessed default, which would import into the wrong stack's tables
     * or report them missing.
     */
    private static Region region(Map<String, String> env) {
        String given = env.get("AWS_REGION");
        if (given != null && !given.isBlank()) {
            return Region.of(given.trim());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException none) {
            throw new IllegalStateException("no AWS region: set AWS_REGION to the stack's region, or a region in "
                    + "your AWS profile (`aws configure set region …`)");
        }
    }

    /** Both tables must exist before any row is judged against them; a wrong name or region stops here. */
    void requireTables() {
        for (String table : new String[] {settings.usersTable(), settings.revokedTokensTable()}) {
            try {
                client.describeTable(r -> r.tableName(table));
            } catch (ResourceNotFoundException e) {
                throw new IllegalStateException("table " + table + " not found in " + where());
            }
        }
    }

    UserStore users() {
        return new DynamoUserStore(client, settings.usersTable(), settings::revokedTokensTable);
    }

    String describe() {
        return "users table " + settings.usersTable() + " in " + where();
    }

    private String where() {
        return region.id() + settings.dynamoDbEndpoint().map(endpoint -> " at " + endpoint).orElse("");
    }

    @Override
    public void close() {
        client.close();
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env) {
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session == null || session.isEmpty()
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, session));
    }
}
