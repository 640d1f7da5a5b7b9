package dev.accounts.core.wiring;

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
import dev.accounts.core.store.dynamo.StoreWarmups;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.token.RefreshTokenReader;
import dev.accounts.core.token.SecretsManagerKeySource;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenService;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The wiring of one execution environment, from its environment variables: the one place that builds the
 * stores, clients and use-cases. Each part is built on first request and kept; a handler asks for its use-case
 * in its constructor, so everything it needs is built at init (before a SnapStart snapshot) and nothing it
 * does not need is loaded (refresh never loads the hasher).
 */
public final class EnvironmentWiring {
    private final Map<String, String> env;
    private final Settings settings;
    private final Clock clock;
    private final Function<EnvironmentWiring, Supplier<SigningKeySet>> keySource;
    private AwsClients aws;
    private DynamoDbClient dynamoDb;
    private DynamoDbEnhancedClient enhanced;
    private DynamoUserStore users;
    private TokenService tokens;
    private Supplier<SigningKeySet> keys;
    private PasswordHasher hasher;

    private EnvironmentWiring(Map<String, String> env, Clock clock,
                              Function<EnvironmentWiring, Supplier<SigningKeySet>> keySource) {
        this.env = Map.copyOf(env);
        this.settings = Settings.from(env);
        this.clock = clock;
        this.keySource = keySource;
    }

    /** Lambda's wiring: the system clock, and the signing keys from the Secrets Manager secret the template names. */
    public static EnvironmentWiring fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Clock.systemUTC());
    }

    /** Lambda's wiring on another clock: the key set's cache ages by it (tools, and tests of that cache). */
    public static EnvironmentWiring fromEnvironment(Map<String, String> env, Clock clock) {
        return new EnvironmentWiring(env, clock, EnvironmentWiring::secretsManagerKeys);
    }

    /** The wiring of a caller that holds the key set itself (tests, tools) and keeps its own clock. */
    public static EnvironmentWiring withKeys(Map<String, String> env, Clock clock, Supplier<SigningKeySet> keys) {
        return new EnvironmentWiring(env, clock, wiring -> keys);
    }

    private static Supplier<SigningKeySet> secretsManagerKeys(EnvironmentWiring wiring) {
        return new SecretsManagerKeySource(wiring.aws().secretsManager(), wiring.settings.requireSigningKeySecretId(),
                wiring.clock);
    }

    /** The variables this environment was wired from, as the template sets them. */
    public Map<String, String> environment() {
        return env;
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public TokenIssuer tokenIssuer() {
        return new TokenIssuer(settings.tokenIssuer());
    }

    public CreateAccount createAccount() {
        return new CreateAccount(users(), passwordHasher(), passwordPolicy(), clock);
    }

    public PasswordPolicy passwordPolicy() {
        return PasswordPolicy.standard();
    }

    public Login login() {
        return new Login(users(), passwordHasher(), loginThrottle(), tokens());
    }

    public LoginThrottle loginThrottle() {
        return new LoginThrottle(loginAttempts(), clock);
    }

    public RefreshTokens refreshTokens() {
        return new RefreshTokens(refreshTokenReader(), revocations(), tokens(), clock);
    }

    public Logout logout() {
        return new Logout(refreshTokenReader(), revocations(), tokens(), clock);
    }

    public RefreshTokenReader refreshTokenReader() {
        return new RefreshTokenReader(tokens());
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

    /** The stores' calls for SnapStart priming, made on the same clients. */
    public StoreWarmups storeWarmups() {
        return new StoreWarmups(userStore(), revocationStore(), clock);
    }

    public UserStore users() {
        return userStore();
    }

    private synchronized DynamoUserStore userStore() {
        if (users == null) {
            users = new DynamoUserStore(enhanced(), settings.usersTable(), settings::revokedTokensTable);
        }
        return users;
    }

    public RevocationStore revocations() {
        return revocationStore();
    }

    private DynamoRevocationStore revocationStore() {
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
            keys = keySource.apply(this);
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
