package dev.accounts.bench.baseline.lean;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lean SDK floor: the least a function shaped like ours can do. A stream handler (as every function is),
 * the event read with Jackson (as the functions read it), one GetItem through the enhanced client with a static
 * schema, and the answer written as bytes. The client has the service's own settings (shared's AwsClients:
 * url-connection, 1 s connect, 1.5 s per attempt, 5 s per call, standard retries), but none of its code, so
 * that the ratio of a function to this floor is what the function's own code costs.
 */
public final class LeanGetItemHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);

    private final DynamoDbTable<Item> table;
    private final String itemKey;

    public LeanGetItemHandler() {
        Map<String, String> env = System.getenv();
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(ATTEMPT_TIMEOUT).build())
                .region(Region.of(required(env, "AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(env.get("AWS_SESSION_TOKEN") == null
                        ? AwsBasicCredentials.create(required(env, "AWS_ACCESS_KEY_ID"), required(env, "AWS_SECRET_ACCESS_KEY"))
                        : AwsSessionCredentials.create(required(env, "AWS_ACCESS_KEY_ID"),
                                required(env, "AWS_SECRET_ACCESS_KEY"), env.get("AWS_SESSION_TOKEN"))))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(Duration.ofSeconds(5)).build());
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(builder.build()).build()
                .table(required(env, "USERS_TABLE"), Item.SCHEMA);
        this.itemKey = required(env, "BASELINE_ITEM_PK");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        Item item = table.getItem(Key.builder().partitionValue(itemKey).build());
        // A missing item is a broken setup, not a fast answer: the benchmark only accepts 2xx.
        var response = JSON.createObjectNode()
                .put("statusCode", item == null ? 404 : 200)
                .put("body", JSON.createObjectNode().put("payload", item == null ? null : item.payload)
                        .put("path", event.path("rawPath").asText()).toString());
        response.putObject("headers").put("content-type", "application/json");
        JSON.writeValue(output, response);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    /** The one item read: a key and a small payload, mapped by a static schema (no reflection). */
    static final class Item {
        static final TableSchema<Item> SCHEMA = StaticTableSchema.builder(Item.class)
                .newItemSupplier(Item::new)
                .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                        .tags(primaryPartitionKey()))
                .addAttribute(String.class, a -> a.name("payload").getter(i -> i.payload).setter((i, v) -> i.payload = v))
                .build();

        String pk;
        String payload;
    }
}
