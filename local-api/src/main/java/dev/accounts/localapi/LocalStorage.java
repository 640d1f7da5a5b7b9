package dev.accounts.localapi;

import dev.accounts.core.token.SigningKeySet;
import dev.accounts.devkit.DynamoEndpoints;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.EnvironmentValue;
import dev.accounts.devkit.LocalEngine;
import dev.accounts.devkit.LocalMail;
import dev.accounts.devkit.LocalSecrets;
import dev.accounts.devkit.LocalTables;
import dev.accounts.devkit.SamTemplate;
import dev.accounts.devkit.SerialisingRelay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The AWS resources of the template on a local engine: DYNAMODB_ENDPOINT when set, else a moto_server of
 * its own (never Docker); the tables under their logical ids; each secret with, for the signing key secret,
 * a key set generated now, so no private key is ever stored or configured for a local run; and, when a
 * function sends e-mail, an SES with its sender verified (LocalSenders).
 */
final class LocalStorage implements AutoCloseable {

    static final String SIGNING_KEY_VARIABLE = "SIGNING_KEY_SECRET_ID";

    private final LocalEngine engine;
    private final Map<String, String> tableNames;
    private final Map<String, String> secretArns;
    private final Optional<String> configuredSigningKeySecret;
    private final SerialisingRelay relay;
    private final Optional<LocalMail> mail;

    private LocalStorage(LocalEngine engine, Map<String, String> tableNames, Map<String, String> secretArns,
                         Optional<String> configuredSigningKeySecret, Optional<LocalMail> mail) {
        this.engine = engine;
        this.relay = SerialisingRelay.inFrontOf(engine.endpoint());
        this.tableNames = tableNames;
        this.secretArns = secretArns;
        this.configuredSigningKeySecret = configuredSigningKeySecret;
        this.mail = mail;
    }

    /**
     * Starts (or connects to) the engine and creates the template's tables and secrets on it; DYNAMODB_ENDPOINT
     * (and SECRETSMANAGER_ENDPOINT) in {@code processEnvironment} name an engine to use instead of a new moto_server.
     * {@code processEnvironment} may name an existing signing key secret (SIGNING_KEY_SECRET_ID): then none is generated.
     */
    static LocalStorage start(SamTemplate template, Map<String, String> processEnvironment) {
        // the mail server starts beside the storage engine: two Python starts at once, not one after the other
        CompletableFuture<Optional<LocalMail>> mail = CompletableFuture.supplyAsync(
                () -> LocalSenders.start(template, processEnvironment));
        LocalEngine engine;
        try {
            engine = DynamoEndpoints.startWithoutDocker(processEnvironment);
        } catch (RuntimeException e) {
            closeWhenStarted(mail);
            throw e;
        }
        try (DynamoDbClient dynamo = engine.dynamoDbClient(); SecretsManagerClient secrets = engine.secretsManagerClient()) {
            Map<String, String> names = new LinkedHashMap<>();
            template.tables().forEach(t -> names.put(t.logicalId(), t.tableName().orElse(t.logicalId())));
            Map<String, String> tables = LocalTables.create(dynamo, template, names);

            Optional<String> configured = Optional.ofNullable(processEnvironment.get(SIGNING_KEY_VARIABLE)).filter(s -> !s.isBlank());
            Map<String, String> arns = new LinkedHashMap<>();
            // One key set: the signers read it whole, the functions that only verify its public halves.
            SigningKeySet keys = SigningKeySet.generate();
            for (Map.Entry<String, Optional<String>> secret : template.secrets().entrySet()) {
                String logicalId = secret.getKey();
                boolean signingKeys = isSigningKeySecret(template, logicalId);
                if (signingKeys && configured.isPresent()) {
                    continue;
                }
                String value = !signingKeys ? "{}" : template.publicKeySecrets().contains(logicalId)
                        ? keys.publicSet().toSecretJson() : keys.toSecretJson();
                arns.put(logicalId, LocalSecrets.createSecret(secrets, secret.getValue().orElse(logicalId), value));
            }
            return new LocalStorage(engine, tables, arns, configured, joined(mail));
        } catch (RuntimeException e) {
            closeWhenStarted(mail);
            engine.close();
            throw e;
        }
    }

    private static Optional<LocalMail> joined(CompletableFuture<Optional<LocalMail>> mail) {
        try {
            return mail.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeWhenStarted(CompletableFuture<Optional<LocalMail>> mail) {
        mail.thenAccept(started -> started.ifPresent(LocalMail::close));
    }

    /** A secret some function reads as SIGNING_KEY_SECRET_ID. */
    private static boolean isSigningKeySecret(SamTemplate template, String logicalId) {
        EnvironmentValue reference = new EnvironmentValue.ResourceRef(logicalId);
        return template.functions().stream()
                .map(FunctionSpec::environment)
                .anyMatch(env -> reference.equals(env.get(SIGNING_KEY_VARIABLE)));
    }

    LocalEngine engine() {
        return engine;
    }

    /** The DynamoDB endpoint the functions get: the engine behind a relay that makes each request atomic. */
    String functionsDynamoEndpoint() {
        return relay.endpoint();
    }

    /** Table logical id → local table name. */
    Map<String, String> tableNames() {
        return tableNames;
    }

    /** Secret logical id → ARN on the local engine. */
    Map<String, String> secretArns() {
        return secretArns;
    }

    /** The signing key secret given by the caller's own SIGNING_KEY_SECRET_ID, if any. */
    Optional<String> configuredSigningKeySecret() {
        return configuredSigningKeySecret;
    }

    /** The SES the functions send through, if any function sends e-mail. */
    Optional<LocalMail> mail() {
        return mail;
    }

    @Override
    public void close() {
        relay.close();
        mail.ifPresent(LocalMail::close);
        engine.close();
    }
}
