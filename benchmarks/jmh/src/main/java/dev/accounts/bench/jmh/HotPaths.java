package dev.accounts.bench.jmh;

import dev.accounts.core.account.Argon2PasswordHasher;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenRejected;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenType;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service's hot paths without storage: issuing a token pair (two ES256 signatures), verifying an access
 * token, and Argon2id hash and verify at the configured cost. The JIT configuration is the subclass's fork
 * (see {@link C1Only} and {@link FullTiered}); each fork otherwise runs with Lambda's heap and GC for 1024 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class HotPaths {
    static final String ISSUER = "https://k3x9q2w7ab.execute-api.eu-west-1.amazonaws.com/prod";
    static final String PASSWORD = "correct-horse-battery-9";

    private TokenService tokens;
    private String accessToken;
    private Argon2PasswordHasher hasher;
    private String storedHash;

    @Setup
    public void setUp() {
        SigningKeySet keys = SigningKeySet.generate();
        tokens = new TokenService(() -> keys, Clock.systemUTC(), Duration.ofSeconds(300), Duration.ofSeconds(86_400),
                Optional.empty());
        accessToken = tokens.issue("user-1", tokens.newFamily(), ISSUER).access();
        hasher = new Argon2PasswordHasher();
        storedHash = hasher.hash(PASSWORD);
    }

    @Benchmark
    public TokenPair issueTokenPair() {
        return tokens.issue("user-1", "family-1", ISSUER);
    }

    @Benchmark
    public TokenClaims verifyAccessToken() throws TokenRejected {
        return tokens.verify(accessToken, TokenType.ACCESS, ISSUER);
    }

    @Benchmark
    public String argon2idHash() {
        return hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean argon2idVerify() {
        return hasher.verify(PASSWORD, storedHash);
    }
}
