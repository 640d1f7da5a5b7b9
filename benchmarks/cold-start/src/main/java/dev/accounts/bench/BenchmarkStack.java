package dev.accounts.bench;

import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.devkit.DynamoEndpoints;
import dev.accounts.devkit.EnvironmentValue;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.LocalMail;
import dev.accounts.devkit.LocalSecrets;
import dev.accounts.devkit.LocalTables;
import dev.accounts.devkit.SamTemplate;
import dev.accounts.devkit.SerialisingRelay;
import dev.accounts.devkit.TableSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local cloud every measured function talks to: a moto_server started here, behind a {@link SerialisingRelay}
 * (the functions and the harness's own preparation of the next event call it at once, and moto isolates no
 * request; the relay also answers without the ConsumedCapacity moto adds unasked, as DynamoDB does), the
 * template's tables, a freshly generated signing key set stored as the template's secret, and an SES of its own
 * (a second moto_server, see {@link LocalMail}) on which the template's sender is verified. Also resolves a
 * function's environment as the template sets it, with local names for the resources it references.
 */
final class BenchmarkStack implements AutoCloseable {
    /** A reserved top-level domain (RFC 2606), as the local API's sender: nothing sent here reaches anyone. */
    static final String SENDER = "accounts@localhost.test";
    /**
     * A sender, without which the reset endpoints answer 501; EmailVerification stays at the template's default
     * (none), the configuration the goals are set for: with it on, create-account also mails its sign-up key.
     */
    static final Map<String, String> TEMPLATE_PARAMETERS = Map.of("MailFrom", SENDER);
    /**
     * Functions measured with EmailVerification=optional, as their work is that e-mail (resend-email sends none
     * while verification is off); their environment differs from the template's in that one variable.
     */
    static final Map<String, String> VERIFYING_ENVIRONMENT = Map.of("EMAIL_VERIFICATION", "optional");
    static final Set<String> VERIFYING_FUNCTIONS = Set.of("ResendEmailFunction");

    private final SamTemplate template;
    private final LocalEngine engine;
    private final SerialisingRelay storage;
    private final LocalMail mail;
    private final Map<String, String> tableNames;
    private final Map<String, String> resourceNames;
    private final String privateKeySecret;

    private BenchmarkStack(SamTemplate template, LocalEngine engine, LocalMail mail, Map<String, String> tableNames,
                           Map<String, String> resourceNames, String privateKeySecret) {
        this.template = template;
        this.engine = engine;
        this.storage = SerialisingRelay.inFrontOf(engine.endpoint());
        this.mail = mail;
        this.tableNames = tableNames;
        this.resourceNames = resourceNames;
        this.privateKeySecret = privateKeySecret;
    }

    /** The template the benchmark deploys: its defaults, with {@link #TEMPLATE_PARAMETERS}. */
    static SamTemplate template(Path file) {
        return SamTemplate.load(file, TEMPLATE_PARAMETERS);
    }

    static BenchmarkStack start(SamTemplate template) {
        LocalEngine engine = DynamoEndpoints.startMoto();
        LocalMail mail = null;
        try {
            mail = LocalMail.start();
            String sender = template.parameters().getOrDefault("MailFrom", "");
            if (!sender.isEmpty()) {
                mail.verifySender(sender);
            }
            Map<String, String> tables = LocalTables.create(engine.dynamoDbClient(), template,
                    LocalTables.uniqueNames(template));
            Map<String, String> names = new LinkedHashMap<>(tables);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            // The template's secrets hold the signing key set, whole or its public halves; a new stack gets a new
            // key, as a deploy does.
            SigningKeySet keySet = SigningKeySet.generate();
            String privateKeySecret = null;
            for (String secret : template.secrets().keySet()) {
                boolean publicHalves = template.publicKeySecrets().contains(secret);
                String arn = LocalSecrets.createSecret(engine.secretsManagerClient(), "bench-" + secret + "-" + suffix,
                        publicHalves ? keySet.publicSet().toSecretJson() : keySet.toSecretJson());
                names.put(secret, arn);
                privateKeySecret = publicHalves ? privateKeySecret : arn;
            }
            return new BenchmarkStack(template, engine, mail, Map.copyOf(tables), Map.copyOf(names), privateKeySecret);
        } catch (RuntimeException e) {
            if (mail != null) {
                mail.close();
            }
            engine.close();
            throw e;
        }
    }

    /**
     * The function's variables as the template sets them (a !Ref to a table or secret becomes its local name
     * or ARN), plus the endpoint overrides of the local engine. Lambda's own variables are added at launch.
     */
    Map<String, String> environment(FunctionSpec function) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            switch (value) {
                case EnvironmentValue.Literal literal -> environment.put(name, literal.value());
                case EnvironmentValue.ResourceRef ref ->
                        environment.put(name, resourceNames.getOrDefault(ref.logicalId(), ref.logicalId()));
                case EnvironmentValue.Unresolved unresolved -> {
                    // needs a deployed stack; the function must cope without it, as it does in local runs
                }
            }
        });
        environment.put("DYNAMODB_ENDPOINT", storage.endpoint());
        environment.put("SECRETSMANAGER_ENDPOINT", storage.endpoint());
        environment.put("SES_ENDPOINT", mail.endpoint());
        if (VERIFYING_FUNCTIONS.contains(function.logicalId())) {
            environment.putAll(VERIFYING_ENVIRONMENT);
        }
        return environment;
    }

    /** Static credentials and region, as an on-demand Lambda environment has them. */
    Map<String, String> credentials() {
        return Map.of("AWS_REGION", engine.region(), "AWS_DEFAULT_REGION", engine.region(),
                "AWS_ACCESS_KEY_ID", engine.accessKey(), "AWS_SECRET_ACCESS_KEY", engine.secretKey(),
                "AWS_SESSION_TOKEN", "test");
    }

    String region() {
        return engine.region();
    }

    /** Every variable any of the functions gets: what the core needs to serve them all. */
    Map<String, String> environment(List<FunctionSpec> functions) {
        Map<String, String> merged = new LinkedHashMap<>();
        functions.forEach(function -> merged.putAll(environment(function)));
        return merged;
    }

    /**
     * The core wired to this stack, in this JVM, for preparing state the way the functions read it; with the
     * private key set, whichever functions are measured, since the events' tokens must be signed.
     */
    EnvironmentWiring services(List<FunctionSpec> functions) {
        Map<String, String> env = environment(functions);
        env.putAll(credentials());
        if (privateKeySecret != null) {
            env.put("SIGNING_KEY_SECRET_ID", privateKeySecret);
        }
        return EnvironmentWiring.fromEnvironment(env);
    }

    void putItem(String table, String partitionKey, Map<String, String> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(partitionKey));
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        engine.dynamoDbClient().putItem(r -> r.tableName(table).item(item));
    }

    /**
     * Empties the tables by deleting and creating them again (the secrets stay). moto copies every table for each
     * transaction and keeps what a run writes: over a full run's ~10,000 prepared accounts it slowed down and
     * grew to 22 GB, so each function's primed and restored runs start from empty tables, as a young deployment's.
     */
    void emptyTables() {
        try (var client = engine.dynamoDbClient()) {
            for (TableSpec table : template.tables()) {
                String name = tableNames.get(table.logicalId());
                client.deleteTable(r -> r.tableName(name));
                client.waiter().waitUntilTableNotExists(r -> r.tableName(name));
            }
            LocalTables.create(client, template, tableNames);
        }
    }

    /** The SES the functions send through, to read back what they sent. */
    LocalMail mail() {
        return mail;
    }

    String describe() {
        return engine.describe() + " behind a relay passing one request at a time (" + storage.endpoint()
                + "); SES: moto_server at " + mail.endpoint();
    }

    @Override
    public void close() {
        try {
            storage.close();
            mail.close();
        } finally {
            engine.close();
        }
    }
}
