package dev.accounts.core.testing;

import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.devkit.DynamoEndpoints;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.LocalMail;
import dev.accounts.devkit.LocalSecrets;
import dev.accounts.devkit.LocalTables;
import dev.accounts.devkit.SamTemplate;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real DynamoDB endpoint (DYNAMODB_ENDPOINT, else LocalStack where Docker answers, else moto_server) with
 * fresh tables created from template.yaml's own definitions, and the environment a function would see.
 */
public final class TestStack {
    private static final SamTemplate TEMPLATE = SamTemplate.locate();

    private final LocalEngine engine;
    private final Map<String, String> env;
    private final SigningKeySet keys;

    private final String publicKeySecretId;

    private TestStack(LocalEngine engine, Map<String, String> env, SigningKeySet keys, String publicKeySecretId) {
        this.engine = engine;
        this.env = env;
        this.keys = keys;
        this.publicKeySecretId = publicKeySecretId;
    }

    /** The secret of the key set's public halves, which the template gives the functions that only verify. */
    public String publicKeySecretId() {
        return publicKeySecretId;
    }

    /** New tables on the JVM's shared engine; the signing key set is stored as a secret, as in AWS. */
    public static TestStack create() {
        LocalEngine engine = DynamoEndpoints.shared();
        Map<String, String> tables = LocalTables.create(engine.dynamoDbClient(), TEMPLATE,
                LocalTables.uniqueNames(TEMPLATE));
        SigningKeySet keys = SigningKeySet.generate();
        String secretArn = LocalSecrets.createSecret(engine.secretsManagerClient(),
                "signing-keys-" + UUID.randomUUID(), keys.toSecretJson());
        String publicSecretArn = LocalSecrets.createSecret(engine.secretsManagerClient(),
                "signing-public-keys-" + UUID.randomUUID(), keys.publicSet().toSecretJson());
        Map<String, String> env = new HashMap<>();
        env.put("USERS_TABLE", tables.get("UsersTable"));
        env.put("REVOKED_TOKENS_TABLE", tables.get("RevokedTokensTable"));
        env.put("SIGNING_KEY_SECRET_ID", secretArn);
        env.put("ACCESS_TOKEN_LIFETIME_SECONDS", "300");
        env.put("REFRESH_TOKEN_LIFETIME_SECONDS", "86400");
        env.put("AWS_REGION", engine.region());
        env.put("AWS_ACCESS_KEY_ID", engine.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", engine.secretKey());
        env.put("DYNAMODB_ENDPOINT", engine.endpoint());
        env.put("SECRETSMANAGER_ENDPOINT", engine.secretsManagerEndpoint());
        return new TestStack(engine, env, keys, publicSecretArn);
    }

    /** The environment a deployed function would have, pointing at this stack. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public TestStack with(String name, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(name, value);
        return new TestStack(engine, changed, keys, publicKeySecretId);
    }

    /**
     * The same stack sending e-mail through the engine's SES, from a sender verified there, with django-allauth's
     * verification `mode` (none, optional, mandatory). {@link SentEmails} reads back what was sent.
     */
    public TestStack withMail(String mode) {
        String sender = "accounts@" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        LocalMail mail = LocalMail.shared();
        mail.verifySender(sender);
        Map<String, String> changed = new HashMap<>(env);
        changed.put("MAIL_FROM", sender);
        changed.put("SES_ENDPOINT", mail.endpoint());
        changed.put("EMAIL_VERIFICATION", mode);
        changed.put("PASSWORD_RESET_URL", "https://app.example.com/reset-password");
        changed.put("EMAIL_VERIFICATION_URL", "https://app.example.com/verify-email");
        return new TestStack(engine, changed, keys, publicKeySecretId);
    }

    /** What the local SES has sent (a mail engine of its own, shared by the JVM's tests). */
    public SentEmails sentEmails() {
        return new SentEmails(LocalMail.shared());
    }

    /** Wiring as in Lambda (keys read from the secret), with the system clock. */
    public EnvironmentWiring services() {
        return EnvironmentWiring.fromEnvironment(env);
    }

    /** Wiring with a clock the test controls; keys given directly (the secret path is covered elsewhere). */
    public EnvironmentWiring services(Clock clock) {
        return EnvironmentWiring.withKeys(env, clock, () -> keys);
    }

    /** Wiring that reads the key set from the stack's secret, caching it by the given clock. */
    public EnvironmentWiring servicesReadingSecret(Clock clock) {
        return EnvironmentWiring.fromEnvironment(env, clock);
    }

    /** Replaces the stored key set, as an operator's rotation step does. */
    public void storeKeys(SigningKeySet next) {
        engine.secretsManagerClient().putSecretValue(r -> r.secretId(env.get("SIGNING_KEY_SECRET_ID"))
                .secretString(next.toSecretJson()));
        engine.secretsManagerClient().putSecretValue(r -> r.secretId(publicKeySecretId)
                .secretString(next.publicSet().toSecretJson()));
    }

    public SigningKeySet keys() {
        return keys;
    }

    public String usersTable() {
        return env.get("USERS_TABLE");
    }

    public String revokedTokensTable() {
        return env.get("REVOKED_TOKENS_TABLE");
    }

    public DynamoDbClient dynamoDb() {
        return engine.dynamoDbClient();
    }

    public LocalEngine engine() {
        return engine;
    }
}
