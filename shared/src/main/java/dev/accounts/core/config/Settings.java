package dev.accounts.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The service's configuration, read once from the environment that template.yaml sets. Every resource name
 * comes from here; a missing one fails at start with a message naming the variable.
 */
public record Settings(
        String usersTable,
        String revokedTokensTable,
        Optional<String> signingKeySecretId,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Optional<String> tokenIssuer,
        Optional<String> tokenAudience,
        String region,
        Optional<String> dynamoDbEndpoint,
        Optional<String> secretsManagerEndpoint) {

    public static Settings from(Map<String, String> env) {
        return new Settings(
                optional(env, "USERS_TABLE").orElse(null),
                optional(env, "REVOKED_TOKENS_TABLE").orElse(null),
                optional(env, "SIGNING_KEY_SECRET_ID"),
                Duration.ofSeconds(positiveLong(env, "ACCESS_TOKEN_LIFETIME_SECONDS", 300)),
                Duration.ofSeconds(positiveLong(env, "REFRESH_TOKEN_LIFETIME_SECONDS", 86_400)),
                optional(env, "TOKEN_ISSUER"),
                optional(env, "TOKEN_AUDIENCE"),
                optional(env, "AWS_REGION").orElse("us-east-1"),
                optional(env, "DYNAMODB_ENDPOINT"),
                optional(env, "SECRETSMANAGER_ENDPOINT"));
    }

    /** Needed by every function that touches accounts; not by the key-discovery functions. */
    @Override
    public String usersTable() {
        if (usersTable == null) {
            throw missing("USERS_TABLE");
        }
        return usersTable;
    }

    @Override
    public String revokedTokensTable() {
        if (revokedTokensTable == null) {
            throw missing("REVOKED_TOKENS_TABLE");
        }
        return revokedTokensTable;
    }

    /** The signing key set is needed only by functions that sign or verify; they ask for it here. */
    public String requireSigningKeySecretId() {
        return signingKeySecretId.orElseThrow(() -> missing("SIGNING_KEY_SECRET_ID"));
    }

    static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static long positiveLong(Map<String, String> env, String name, long fallback) {
        Optional<String> value = optional(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException("environment variable " + name + " must be a positive whole number of seconds");
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("environment variable " + name
                + " is not set: template.yaml sets it on each function that needs it; set it for local runs");
    }
}
