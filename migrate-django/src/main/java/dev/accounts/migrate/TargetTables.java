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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The stack's tables, named by the same environment variables the functions read. Unlike a function, an
 * operator's shell may hold its credentials in a profile or an SSO session, so the SDK's default chain is
 * used unless the keys are given in the environment passed in.
 */
final class TargetTables implements AutoCloseable {
    private final Settings settings;
    private final DynamoDbClient client;

    private TargetTables(Settings settings, DynamoDbClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** Fails with a message naming the variable when USERS_TABLE or REVOKED_TOKENS_TABLE is not set. */
    static TargetTables fromEnvironment(Map<String, String> env) {
        Settings settings = Settings.from(env);
        settings.usersTable();
        settings.revokedTokensTable();
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(env));
        settings.dynamoDbEndpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return new TargetTables(settings, builder.build());
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
        return settings.region() + settings.dynamoDbEndpoint().map(endpoint -> " at " + endpoint).orElse("");
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
