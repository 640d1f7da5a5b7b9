package dev.accounts.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.MutableClock;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import dev.accounts.core.testing.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final String ISSUER = "https://api.example.com";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SigningKeySet keys = SigningKeySet.generate();
    private final TokenService tokens = new TokenService(() -> keys, clock, Duration.ofMinutes(5), Duration.ofDays(1),
            Optional.empty());

    @Test
    void issuedTokensCarryTheReferenceClaimsAndVerify() throws Exception {
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);

        JsonNode header = part(pair.access(), 0);
        assertEquals("ES256", header.get("alg").asText());
        assertEquals(keys.currentKid(), header.get("kid").asText());
        assertEquals("JWT", header.get("typ").asText());
        JsonNode access = part(pair.access(), 1);
        assertEquals("access", access.get("token_type").asText());
        assertEquals("user-1", access.get("user_id").asText());
        assertEquals("user-1", access.get("sub").asText());
        assertEquals(ISSUER, access.get("iss").asText());
        assertEquals(clock.instant().getEpochSecond() + 300, access.get("exp").asLong());
        assertTrue(access.hasNonNull("jti") && access.hasNonNull("iat"));

        TokenClaims refresh = tokens.verify(pair.refresh(), TokenType.REFRESH, ISSUER);
        assertEquals("fam-1", refresh.family());
        assertEquals(clock.instant().plus(Duration.ofDays(1)), refresh.expiresAt());
        assertEquals("user-1", tokens.verify(pair.access(), TokenType.ACCESS, ISSUER).userId());
        assertNotEquals(part(pair.access(), 1).get("jti"), part(pair.refresh(), 1).get("jti"));
    }

    @Test
    void aTokenOfTheOtherTypeIsRefusedAsWrongType() {
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);
        assertEquals(TokenRejected.Reason.WRONG_TYPE,
                assertThrows(TokenRejected.class, () -> tokens.verify(pair.access(), TokenType.REFRESH, ISSUER)).reason());
        assertEquals(TokenRejected.Reason.WRONG_TYPE,
                assertThrows(TokenRejected.class, () -> tokens.verify(pair.refresh(), TokenType.ACCESS, ISSUER)).reason());
    }

    @Test
    void expiredTokensAreRefused() {
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertInvalid(pair.access(), TokenType.ACCESS);
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);
        assertThrows(TokenRejected.class, () -> tokens.verify(pair.access(), TokenType.ACCESS, "https://evil.example"));
        TokenService withAudience = new TokenService(() -> keys, clock, Duration.ofMinutes(5), Duration.ofDays(1),
                Optional.of("my-app"));
        assertThrows(TokenRejected.class, () -> withAudience.verify(pair.access(), TokenType.ACCESS, ISSUER));
        TokenPair forApp = withAudience.issue("user-1", "fam-1", ISSUER);
        assertThrows(TokenRejected.class, () -> tokens.verify(forApp.access(), TokenType.ACCESS, ISSUER));
    }

    @Test
    void underAnAudienceOnlyAccessTokensCarryItSoAudienceCheckingVerifiersRefuseRefreshTokens() throws Exception {
        TokenService withAudience = new TokenService(() -> keys, clock, Duration.ofMinutes(5), Duration.ofDays(1),
                Optional.of("my-app"));
        TokenPair pair = withAudience.issue("user-1", "fam-1", ISSUER);

        assertEquals("my-app", part(pair.access(), 1).path("aud").asText());
        assertTrue(part(pair.refresh(), 1).path("aud").isMissingNode(), "API.md: refresh tokens carry no aud");
        assertEquals("fam-1", withAudience.verify(pair.refresh(), TokenType.REFRESH, ISSUER).family());
        assertEquals("user-1", withAudience.verify(pair.access(), TokenType.ACCESS, ISSUER).userId());
        assertEquals(TokenRejected.Reason.WRONG_TYPE, assertThrows(TokenRejected.class,
                () -> withAudience.verify(pair.refresh(), TokenType.ACCESS, ISSUER)).reason());
    }

    @Test
    void aRefreshTokenIssuedWithTheAudienceBeforeItWasDroppedStillRefreshes() throws Exception {
        TokenService withAudience = new TokenService(() -> keys, clock, Duration.ofMinutes(5), Duration.ofDays(1),
                Optional.of("my-app"));
        String legacy = refreshTokenWithAudience("my-app");

        assertEquals("fam-1", withAudience.verify(legacy, TokenType.REFRESH, ISSUER).family());
        String foreign = refreshTokenWithAudience("another-app");
        assertThrows(TokenRejected.class, () -> withAudience.verify(foreign, TokenType.REFRESH, ISSUER));
    }

    @Test
    void aRotatedPairKeepsTheSessionStartAndCountsTheGeneration() throws Exception {
        clock.advance(Duration.ofMillis(1234));
        TokenPair login = tokens.issue("user-1", "fam-1", ISSUER);
        assertEquals(0, login.refreshClaims().generation());
        assertEquals(login.refreshClaims().issuedAt(), login.refreshClaims().sessionStart());
        assertEquals(clock.instant().getEpochSecond(), part(login.access(), 1).get("auth_time").asLong(),
                "OIDC's auth_time, in whole seconds");

        clock.advance(Duration.ofMinutes(10));
        TokenPair rotated = tokens.rotate(tokens.verify(login.refresh(), TokenType.REFRESH, ISSUER), ISSUER);
        TokenClaims refresh = tokens.verify(rotated.refresh(), TokenType.REFRESH, ISSUER);
        assertEquals(1, refresh.generation());
        assertEquals("fam-1", refresh.family());
        assertEquals(login.refreshClaims().sessionStart(), refresh.sessionStart(), "to the millisecond");
        assertEquals(clock.instant(), refresh.issuedAt());
        assertEquals(login.refreshClaims().sessionStart(),
                tokens.verify(rotated.access(), TokenType.ACCESS, ISSUER).sessionStart());
        assertEquals(2, tokens.verify(tokens.rotate(refresh, ISSUER).refresh(), TokenType.REFRESH, ISSUER).generation());
    }

    @Test
    void aTokenIssuedBeforeGenerationsIsGenerationZeroAndItsSessionStartsAtItsIssue() throws Exception {
        TokenClaims legacy = tokens.verify(refreshTokenWithAudience(null), TokenType.REFRESH, ISSUER);
        assertEquals(0, legacy.generation());
        assertEquals(legacy.issuedAt(), legacy.sessionStart());
    }

    /**
     * A refresh token as the service issued them under TokenAudience before refresh tokens lost their aud (null:
     * none), and before generations and session starts.
     */
    private String refreshTokenWithAudience(String audience) {
        Instant now = clock.instant();
        var builder = Jwts.builder().header().keyId(keys.currentKid()).type("JWT").and()
                .issuer(ISSUER).subject("user-1").id("jti-1")
                .issuedAt(java.util.Date.from(now)).expiration(java.util.Date.from(now.plus(Duration.ofDays(1))))
                .claim("token_type", "refresh").claim("user_id", "user-1").claim("fam", "fam-1");
        if (audience != null) {
            builder.audience().single(audience);
        }
        return builder.signWith(keys.currentPrivateKey(), Jwts.SIG.ES256).compact();
    }

    @Test
    void aServiceHoldingThePublicSetVerifiesTokensOfThePrivateOneAndCannotSign() throws Exception {
        TokenService verifier = new TokenService(keys::publicSet, clock, Duration.ofMinutes(5), Duration.ofDays(1),
                Optional.empty());
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);

        assertEquals("user-1", verifier.verify(pair.access(), TokenType.ACCESS, ISSUER).userId());
        assertEquals("fam-1", verifier.verify(pair.refresh(), TokenType.REFRESH, ISSUER).family());
        assertThrows(IllegalStateException.class, () -> verifier.issue("user-1", "fam-1", ISSUER), "cannot sign");

    }

    @Test
    void aTokenSignedByAnUnknownKeyOrWithAnUnknownKidIsRefused() {
        SigningKeySet other = Jwt.keyImpersonating(keys.currentKid());
        TokenService forger = new TokenService(() -> other, clock, Duration.ofMinutes(5), Duration.ofDays(1),
                Optional.empty());
        assertInvalid(forger.issue("user-1", "f", ISSUER).access(), TokenType.ACCESS);
        SigningKeySet unknownKid = SigningKeySet.generate();
        assertInvalid(new TokenService(() -> unknownKid, clock, Duration.ofMinutes(5), Duration.ofDays(1),
                Optional.empty()).issue("user-1", "f", ISSUER).access(), TokenType.ACCESS);
    }

    @Test
    void algNoneIsRefused() {
        String claims = b64("{\"token_type\":\"access\",\"user_id\":\"user-1\",\"sub\":\"user-1\",\"jti\":\"x\","
                + "\"iss\":\"" + ISSUER + "\",\"iat\":" + clock.instant().getEpochSecond()
                + ",\"exp\":" + (clock.instant().getEpochSecond() + 60) + "}");
        assertInvalid(b64("{\"alg\":\"none\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + claims + ".", TokenType.ACCESS);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);
        String claims = pair.access().split("\\.")[1];
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.publicKey(keys.currentKid()).orElseThrow().getEncoded(), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        assertInvalid(header + "." + claims + "." + signature, TokenType.ACCESS);
    }

    @Test
    void tamperedClaimsAreRefused() {
        TokenPair pair = tokens.issue("user-1", "fam-1", ISSUER);
        String[] parts = pair.access().split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("user-1", "user-2"));
        assertInvalid(parts[0] + "." + forged + "." + parts[2], TokenType.ACCESS);
        assertInvalid("not a token", TokenType.ACCESS);
        assertInvalid("", TokenType.ACCESS);
    }

    @Test
    void aJwtFromAnotherLibraryWithoutOurClaimsIsRefused() {
        String bare = Jwts.builder().header().keyId(keys.currentKid()).and().subject("user-1")
                .expiration(java.util.Date.from(Instant.now().plusSeconds(60)))
                .signWith(keys.currentPrivateKey(), Jwts.SIG.ES256).compact();
        assertInvalid(bare, TokenType.ACCESS);
    }

    @Test
    void accessTokensHaveNoFamily() throws Exception {
        assertNull(tokens.verify(tokens.issue("u", "f", ISSUER).access(), TokenType.ACCESS, ISSUER).family());
    }

    private void assertInvalid(String token, TokenType type) {
        assertEquals(TokenRejected.Reason.INVALID_OR_EXPIRED,
                assertThrows(TokenRejected.class, () -> tokens.verify(token, type, ISSUER)).reason());
    }

    private static JsonNode part(String token, int index) throws Exception {
        return Json.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
