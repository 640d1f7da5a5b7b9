package dev.accounts.devkit;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/** Creates secrets on a local Secrets Manager (moto or LocalStack). */
public final class LocalSecrets {

    private LocalSecrets() {
    }

    /** Creates the secret, or gives an existing one of that name this value; returns its ARN. */
    public static String createSecret(SecretsManagerClient client, String name, String secretString) {
        try {
            return client.createSecret(r -> r.name(name).secretString(secretString)).arn();
        } catch (ResourceExistsException exists) {
            return client.putSecretValue(r -> r.secretId(name).secretString(secretString)).arn();
        }
    }
}
