package dev.accounts.core.token;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issues and verifies the service's JWTs (ES256, JWS compact, header {alg, kid, typ}), with simplejwt's claims
 * (token_type, exp, iat, jti, user_id) plus iss, sub and, where configured, aud on access tokens only: a
 * verifier that checks the audience (API Gateway's JWT authorizer, jose, aws-jwt-verify) then refuses a refresh
 * token where it expects an access token. Verification pins the algorithm, requires a known kid, and checks
 * signature, exp, iss, aud and token_type.
 */
public final class TokenService {
    public static final String ALGORITHM_NAME = "ES256";
    static final String FAMILY_CLAIM = "fam";
    /**
     * The issue time in milliseconds: `iat` holds whole seconds (simplejwt's clients read it as such), and signing
     * out everywhere must spare the pair issued in the same second as the sign-out, by change-password.
     */
    static final String ISSUED_MILLIS_CLAIM = "iat_ms";
    /** Refresh tokens only: how many refreshes separate this token from its login (absent: 0, older tokens). */
    static final String GENERATION_CLAIM = "gen";
    /**
     * When the session began (login, password change), OIDC's `auth_time` in whole seconds and `auth_time_ms` in
     * milliseconds (as `iat`/`iat_ms`); refresh copies them, so a sign-out everywhere ends the whole session even
     * when a refresh racing it issues a pair after it. Absent on older tokens: their issue time stands in.
     */
    static final String SESSION_START_CLAIM = "auth_time";
    static final String SESSION_START_MILLIS_CLAIM = "auth_time_ms";

    /** The template's MaxValue of RefreshTokenLifetimeSeconds: no refresh token can live longer. */
    public static final Duration LONGEST_REFRESH_LIFETIME = Duration.ofDays(30);
    /**
     * How long a revocation outlives the expiry of the tokens it covers: environments' clocks differ a little, and
     * a token is still valid at the very second of its `exp`.
     */
    public static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private final Supplier<SigningKeySet> keys;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Optional<String> audience;
    private final JwtParser parser;

    public TokenService(Supplier<SigningKeySet> keys, Clock clock, Duration accessLifetime, Duration refreshLifetime,
                        Optional<String> audience) {
        this.keys = keys;
        this.clock = clock;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.audience = audience;
        this.parser = Jwts.parser()
                // Only ES256: `none`, HS256 signed with the public key, or any other algorithm never verify.
                .sig().clear().add(Jwts.SIG.ES256).and()
                .keyLocator(new KnownKeys())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public Duration refreshLifetime() {
        return refreshLifetime;
    }

    /**
     * Until when a revocation made {@code now} (of a login family, of every token of a user) must be kept: past
     * the latest {@code exp} any token it covers can carry. Those tokens may have been issued under a longer
     * lifetime than today's, up to the longest the template allows, so that bounds it, plus the clock margin.
     */
    public Instant revocationsKeptUntil(Instant now) {
        Duration longest = refreshLifetime.compareTo(LONGEST_REFRESH_LIFETIME) > 0 ? refreshLifetime
                : LONGEST_REFRESH_LIFETIME;
        return now.plus(longest).plus(CLOCK_MARGIN);
    }

    /** A new login's family id: every refresh token rotated from this login carries it. */
    public String newFamily() {
        return randomId();
    }

    /** The pair of a new session (login, password change): generation 0, the session starting now. */
    public TokenPair issue(String userId, String family, String issuer) {
        Instant issued = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return issue(userId, family, 0, issued, issued, issuer);
    }

    /** The successor of a spent refresh token: same login and session, the next generation. */
    public TokenPair rotate(TokenClaims spent, String issuer) {
        return issue(spent.userId(), spent.family(), spent.generation() + 1, spent.sessionStart(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), issuer);
    }

    private TokenPair issue(String userId, String family, long generation, Instant sessionStart, Instant issued,
                            String issuer) {
        SigningKeySet set = keys.get();
        Instant now = issued.truncatedTo(ChronoUnit.SECONDS);
        TokenClaims access = new TokenClaims(TokenType.ACCESS, userId, randomId(), null, 0, sessionStart, issued,
                now.plus(accessLifetime));
        TokenClaims refresh = new TokenClaims(TokenType.REFRESH, userId, randomId(), family, generation, sessionStart,
                issued, now.plus(refreshLifetime));
        return new TokenPair(sign(set, access, issuer), sign(set, refresh, issuer), refresh);
    }

    /** The claims of a valid token of the expected type, issued by `issuer`; else why not. */
    public TokenClaims verify(String token, TokenType expected, String issuer) throws TokenRejected {
        TokenClaims claims = verifyAnyType(token, issuer);
        if (claims.type() != expected) {
            throw new TokenRejected(TokenRejected.Reason.WRONG_TYPE);
        }
        return claims;
    }

    public TokenClaims verifyAnyType(String token, String issuer) throws TokenRejected {
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            throw new TokenRejected(TokenRejected.Reason.INVALID_OR_EXPIRED);
        }
        TokenType type = TokenType.fromClaim(claims.get("token_type"));
        Object userId = claims.get("user_id");
        long generation = generation(claims);
        boolean wellFormed = type != null
                && userId instanceof String id && !id.isEmpty() && id.equals(claims.getSubject())
                && claims.getId() != null && !claims.getId().isEmpty()
                && claims.getExpiration() != null && claims.getIssuedAt() != null
                && issuer.equals(claims.getIssuer())
                && audienceMatches(claims, type)
                && (type != TokenType.REFRESH || claims.get(FAMILY_CLAIM) instanceof String)
                && generation >= 0;
        if (!wellFormed) {
            throw new TokenRejected(TokenRejected.Reason.INVALID_OR_EXPIRED);
        }
        Instant issuedAt = precise(claims.getIssuedAt().toInstant(), claims.get(ISSUED_MILLIS_CLAIM));
        Instant sessionStart = claims.get(SESSION_START_CLAIM) instanceof Number seconds
                ? precise(Instant.ofEpochSecond(seconds.longValue()), claims.get(SESSION_START_MILLIS_CLAIM))
                : issuedAt;
        return new TokenClaims(type, (String) userId, claims.getId(),
                type == TokenType.REFRESH ? (String) claims.get(FAMILY_CLAIM) : null,
                type == TokenType.REFRESH ? generation : 0, sessionStart, issuedAt,
                claims.getExpiration().toInstant());
    }

    /** The token's generation; 0 where it has none (issued before generations); -1, refused, if not a count. */
    private static long generation(Claims claims) {
        Object generation = claims.get(GENERATION_CLAIM);
        if (generation == null) {
            return 0;
        }
        return generation instanceof Integer || generation instanceof Long ? ((Number) generation).longValue() : -1;
    }

    /** The millisecond time where the token carries one within the whole second's claim; else that second. */
    private static Instant precise(Instant second, Object millisClaim) {
        if (millisClaim instanceof Number millis) {
            Instant precise = Instant.ofEpochMilli(millis.longValue());
            if (precise.truncatedTo(ChronoUnit.SECONDS).equals(second)) {
                return precise;
            }
        }
        return second;
    }

    private boolean audienceMatches(Claims claims, TokenType type) {
        boolean none = claims.getAudience() == null || claims.getAudience().isEmpty();
        if (audience.isEmpty()) {
            return none;
        }
        // Refresh tokens issued before they lost their aud stay usable until they expire (a day by default).
        return type == TokenType.REFRESH && none
                || claims.getAudience() != null && claims.getAudience().contains(audience.get());
    }

    private String sign(SigningKeySet set, TokenClaims token, String issuer) {
        var builder = Jwts.builder()
                .header().keyId(set.currentKid()).type("JWT").and()
                .issuer(issuer)
                .subject(token.userId())
                .id(token.jti())
                .issuedAt(Date.from(token.issuedAt().truncatedTo(ChronoUnit.SECONDS)))
                .expiration(Date.from(token.expiresAt()))
                .claim("token_type", token.type().claim())
                .claim("user_id", token.userId())
                .claim(ISSUED_MILLIS_CLAIM, token.issuedAt().toEpochMilli())
                .claim(SESSION_START_CLAIM, token.sessionStart().getEpochSecond())
                .claim(SESSION_START_MILLIS_CLAIM, token.sessionStart().toEpochMilli());
        // Refresh tokens carry no aud: a verifier configured as API Gateway's JWT authorizer refuses them.
        if (token.type() == TokenType.ACCESS) {
            audience.ifPresent(aud -> builder.audience().single(aud));
        } else {
            builder.claim(FAMILY_CLAIM, token.family()).claim(GENERATION_CLAIM, token.generation());
        }
        return builder.signWith(set.currentPrivateKey(), Jwts.SIG.ES256).compact();
    }

    private static String randomId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Finds the verification key by kid; an unknown kid, or a header naming another algorithm, fails. */
    private final class KnownKeys extends LocatorAdapter<Key> {
        @Override
        protected Key locate(ProtectedHeader header) {
            if (!ALGORITHM_NAME.equals(header.getAlgorithm())) {
                throw new SignatureException("algorithm not allowed");
            }
            return keys.get().publicKey(header.getKeyId())
                    .orElseThrow(() -> new SignatureException("unknown key id"));
        }
    }
}
