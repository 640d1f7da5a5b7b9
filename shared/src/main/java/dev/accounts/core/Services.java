package dev.accounts.core;

import dev.accounts.core.account.Argon2PasswordHasher;
import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.CreateAccount;
import dev.accounts.core.account.DeleteAccount;
import dev.accounts.core.account.Login;
import dev.accounts.core.account.LoginThrottle;
import dev.accounts.core.account.Logout;
import dev.accounts.core.account.PasswordHasher;
import dev.accounts.core.account.PasswordPolicy;
import dev.accounts.core.account.RefreshTokens;
import dev.accounts.core.account.VerifyToken;
import dev.accounts.core.aws.AwsClients;
import dev.accounts.core.config.Settings;
import dev.accounts.core.store.LoginAttemptStore;
import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.store.dynamo.DynamoLoginAttemptStore;
import dev.accounts.core.store.dynamo.DynamoRevocationStore;
import dev.accounts.core.store.dynamo.DynamoUserStore;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.token.RefreshTokenReader;
import dev.accounts.core.token.SecretsManagerKeySource;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenService;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The wiring of one execution environment, from its environment variables. Each part is built on first
 * request and kept; a handler asks for its use-case in its constructor, so everything it needs is built at
 * init (before a SnapStart snapshot) and nothing it does not need is loaded (refresh never loads the hasher).
 */
public final class Services {
    private final Map<String, String> env;
    private final Settings settings;
    private final Clock clock;
    private final Supplier<SigningKeySet> keysOverride;
    private AwsClients aws;
    private DynamoDbClient dynamoDb;
    private DynamoDbEnhancedClient enhanced;
    private UserStore users;
    private TokenService tokens;
    private Supplier<SigningKeySet> keys;
    private PasswordHasher hasher;

    private Services(Map<String, String> env, Clock clock, Supplier<SigningKeySet> keysOverride) {
        this.env = Map.copyOf(env);
        this.settings = Settings.from(env);
        this.clock = clock;
        this.keysOverride = keysOverride;
    }

    public static Services fromEnvironment(Map<String, String> env) {
        return new Services(env, Clock.systemUTC(), null);
    }

    /** For tests: a given clock and key set instead of the system clock and Secrets Manager. */
    public static Services forTesting(Map<String, String> env, Clock clock, Supplier<SigningKeySet> keys) {
        return new Services(env, clock, keys);
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Issuers issuers() {
        return new Issuers(settings.tokenIssuer());
    }

    public CreateAccount createAccount() {
        return new CreateAccount(users(), passwordHasher(), PasswordPolicy.standard(), clock);
    }

    public Login login() {
        return new Login(users(), passwordHasher(), new LoginThrottle(loginAttempts(), clock), tokens());
    }

    public RefreshTokens refreshTokens() {
        return new RefreshTokens(new RefreshTokenReader(tokens()), revocations(), tokens(), clock);
    }

    public Logout logout() {
        return new Logout(new RefreshTokenReader(tokens()), revocations(), tokens(), clock);
    }

    public DeleteAccount deleteAccount() {
        return new DeleteAccount(users(), tokens(), clock);
    }

    public VerifyToken verifyToken() {
        return new VerifyToken(tokens(), users(), revocations());
    }

    public KeyDiscovery keyDiscovery() {
        return new KeyDiscovery(signingKeys());
    }

    public Authenticator authenticator() {
        return new Authenticator(tokens(), users());
    }

    public synchronized UserStore users() {
        if (users == null) {
            users = new DynamoUserStore(enhanced(), settings.usersTable(), settings.revokedTokensTable());
        }
        return users;
    }

    public RevocationStore revocations() {
        return new DynamoRevocationStore(enhanced(), settings.revokedTokensTable(), settings.usersTable(), clock);
    }

    public LoginAttemptStore loginAttempts() {
        return new DynamoLoginAttemptStore(dynamoDb(), settings.usersTable(), clock);
    }

    public synchronized TokenService tokens() {
        if (tokens == null) {
            tokens = new TokenService(signingKeys(), clock, settings.accessTokenLifetime(),
                    settings.refreshTokenLifetime(), settings.tokenAudience());
        }
        return tokens;
    }

    public synchronized Supplier<SigningKeySet> signingKeys() {
        if (keys == null) {
            keys = keysOverride != null ? keysOverride
                    : new SecretsManagerKeySource(aws().secretsManager(), settings.requireSigningKeySecretId(), clock);
        }
        return keys;
    }

    public synchronized PasswordHasher passwordHasher() {
        if (hasher == null) {
            hasher = new Argon2PasswordHasher();
        }
        return hasher;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = aws().dynamoDb();
        }
        return dynamoDb;
    }

    private synchronized DynamoDbEnhancedClient enhanced() {
        if (enhanced == null) {
            enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build();
        }
        return enhanced;
    }

    private synchronized AwsClients aws() {
        if (aws == null) {
            aws = new AwsClients(settings, env);
        }
        return aws;
    }
}
