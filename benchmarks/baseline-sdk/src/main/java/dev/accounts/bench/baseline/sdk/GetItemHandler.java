package dev.accounts.bench.baseline.sdk;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SDK baseline: what any Java function that reads DynamoDB pays at a cold start. One GetItem through the
 * enhanced client with a static schema, the client built once at init with the same choices as the service's
 * own clients (url-connection HTTP client, region and credentials given, not discovered).
 */
public final class GetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The benchmark writes this item's key here; the table is the template's USERS_TABLE. */
    static final String ITEM_KEY_VARIABLE = "BASELINE_ITEM_PK";

    private final DynamoDbTable<BaselineItem> table;
    private final String itemKey;

    public GetItemHandler() {
        this(System.getenv());
    }

    GetItemHandler(Map<String, String> env) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(required(env, "AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(credentials(env)));
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(builder.build()).build();
        this.table = enhanced.table(required(env, "USERS_TABLE"), BaselineItem.SCHEMA);
        this.itemKey = required(env, ITEM_KEY_VARIABLE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        BaselineItem item = table.getItem(Key.builder().partitionValue(itemKey).build());
        // A missing item is a broken setup, not a fast answer: the benchmark only accepts 2xx.
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(item == null ? 404 : 200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(item == null ? "{}" : "{\"payload\":\"" + item.payload + "\"}")
                .build();
    }

    private static AwsCredentials credentials(Map<String, String> env) {
        String key = required(env, "AWS_ACCESS_KEY_ID");
        String secret = required(env, "AWS_SECRET_ACCESS_KEY");
        String session = env.get("AWS_SESSION_TOKEN");
        return session == null || session.isEmpty()
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, session);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
