package dev.accounts.core.wiring;

import dev.accounts.core.account.Argon2PasswordHasher;
import dev.accounts.core.account.ChangePassword;
import dev.accounts.core.account.ConfirmPasswordReset;
import dev.accounts.core.account.EqualTime;
import dev.accounts.core.account.PasswordReset;
import dev.accounts.core.account.ResendVerification;
import dev.accounts.core.account.SignOutEverywhere;
import dev.accounts.core.account.UpdateProfile;
import dev.accounts.core.account.VerificationEmails;
import dev.accounts.core.account.VerifyEmail;
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
import dev.accounts.core.config.MailSettings;
import dev.accounts.core.config.Settings;
import dev.accounts.core.mail.MailWarmup;
import dev.accounts.core.mail.Mailer;
import dev.accounts.core.mail.SesMailer;
import dev.accounts.core.store.EmailVerificationStore;
import dev.accounts.core.store.MailQuotaStore;
import dev.accounts.core.store.LoginAttemptStore;
import dev.accounts.core.store.RevocationStore;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.store.dynamo.DynamoEmailVerificationStore;
import dev.accounts.core.store.dynamo.DynamoLoginAttemptStore;
import dev.accounts.core.store.dynamo.DynamoMailQuotaStore;
import dev.accounts.core.store.dynamo.DynamoPasswordResetStore;
import dev.accounts.core.store.dynamo.DynamoRevocationStore;
import dev.accounts.core.store.dynamo.DynamoUserStore;
import dev.accounts.core.store.dynamo.LoginAttemptKeys;
import dev.accounts.core.store.dynamo.StoreWarmups;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.token.RefreshTokenReader;
import dev.accounts.core.token.SecretsManagerKeySource;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenService;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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
    private volatile SigningKeySet substituteKeys;
    private Supplier<SigningKeySet> configuredKeys;
    private PasswordHasher hasher;
    private MailSettings mail;
    private Optional<Mailer> mailer;

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
        return new CreateAccount(users(), passwordHasher(), passwordPolicy(), verificationEmails(), clock);
    }

    public PasswordPolicy passwordPolicy() {
        return PasswordPolicy.standard();
    }

    public Login login() {
        return new Login(users(), passwordHasher(), loginThrottle(), tokens(), new EqualTime(EqualTime.FAILED_LOGIN),
                mailSettings().emailVerification() == MailSettings.EmailVerification.MANDATORY);
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

    public ChangePassword changePassword() {
        return new ChangePassword(users(), passwordHasher(), passwordPolicy(), loginThrottle(), tokens(), clock);
    }

    public SignOutEverywhere signOutEverywhere() {
        return new SignOutEverywhere(users(), clock);
    }

    public UpdateProfile updateProfile() {
        return new UpdateProfile(users(), verificationEmails());
    }

    public PasswordReset passwordReset() {
        return new PasswordReset(users(), passwordResets(), mailQuota(),
                mailer(), mailSettings(), new EqualTime(EqualTime.STANDARD), clock);
    }

    public ConfirmPasswordReset confirmPasswordReset() {
        return new ConfirmPasswordReset(users(), passwordResets(), passwordHasher(), passwordPolicy(), mailSettings().from().isPresent(), clock);
    }

    public VerifyEmail verifyEmail() {
        return new VerifyEmail(emailVerifications(), clock);
    }

    public ResendVerification resendVerification() {
        return new ResendVerification(users(), verificationEmails(), new EqualTime(EqualTime.STANDARD));
    }

    /** Verification e-mails where EmailVerification asks for them; SES is not even set up where it does not. */
    public VerificationEmails verificationEmails() {
        Optional<Mailer> sender = mailSettings().sendsVerification() ? mailer() : Optional.empty();
        return new VerificationEmails(emailVerifications(), mailQuota(), sender, mailSettings(), clock);
    }

    /** The refused send for priming, where a sender is configured. */
    public Optional<MailWarmup> mailWarmup() {
        return mailer().map(MailWarmup::new);
    }

    public synchronized MailSettings mailSettings() {
        if (mail == null) {
            mail = MailSettings.from(env);
        }
        return mail;
    }

    /** SES from the configured sender; absent without one (reset by e-mail then answers 501). */
    private synchronized Optional<Mailer> mailer() {
        if (mailer == null) {
            mailer = mailSettings().from().isPresent() ? Optional.of(SesMailer.create(aws(), mailSettings()))
                    : Optional.empty();
        }
        return mailer;
    }

    private EmailVerificationStore emailVerifications() {
        return emailVerificationStore();
    }

    private DynamoEmailVerificationStore emailVerificationStore() {
        return new DynamoEmailVerificationStore(dynamoDb(), settings.usersTable());
    }

    private DynamoPasswordResetStore passwordResets() {
        return new DynamoPasswordResetStore(dynamoDb(), settings.usersTable(), loginAttemptKeys());
    }

    private MailQuotaStore mailQuota() {
        return new DynamoMailQuotaStore(dynamoDb(), settings.usersTable());
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
        return new StoreWarmups(userStore(), this::revocationStore, passwordResets(), emailVerificationStore(),
                this::loginAttemptStore, clock);
    }

    public UserStore users() {
        return userStore();
    }

    private synchronized DynamoUserStore userStore() {
        if (users == null) {
            users = new DynamoUserStore(dynamoDb(), settings.usersTable(), settings::revokedTokensTable);
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
        return loginAttemptStore();
    }

    private DynamoLoginAttemptStore loginAttemptStore() {
        return new DynamoLoginAttemptStore(dynamoDb(), settings.usersTable(), clock, loginAttemptKeys());
    }

    /** Keyed by the login key of the signing key secret: one secret of the stack, nothing to configure. */
    private LoginAttemptKeys loginAttemptKeys() {
        return new LoginAttemptKeys(() -> signingKeys().get().loginKey());
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
            Supplier<SigningKeySet> configured = keySource.apply(this);
            configuredKeys = configured;
            keys = () -> {
                SigningKeySet substitute = substituteKeys;
                return substitute != null ? substitute : configured.get();
            };
        }
        return keys;
    }

    /**
     * Runs {@code action} with {@code substitute} as the key set every token is signed and verified with, then the
     * configured set again. For SnapStart priming of the functions that hold only the public keys: their priming
     * tokens, signed with a key made for it, take the real path, and no key made before the snapshot is trusted
     * after it. Nothing else runs in an execution environment while it primes.
     */
    public void withSubstituteKeys(SigningKeySet substitute, Runnable action) {
        substituteKeys = substitute;
        try {
            action.run();
        } finally {
            substituteKeys = null;
        }
    }

    /**
     * After a SnapStart restore: the key set read before the snapshot may be hours old, so it is read again on
     * first use (the old one serves meanwhile). Random values need nothing here: they are drawn per request from
     * generators made per call (SnapStartUniquenessTest), never kept from before the snapshot.
     */
    public synchronized void renewAfterRestore() {
        if (configuredKeys instanceof SecretsManagerKeySource source) {
            source.markStale();
        }
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
