package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.function.Function;

/**
 * API Gateway's JWT authorizer of HTTP APIs, configured as docs/authorizer-example.yaml configures it (issuer,
 * one audience): its documented steps are the issuer's /.well-known/openid-configuration, the key its jwks_uri
 * lists under the token's kid, the signature by that key, then iss, aud, exp and nbf. Every verdict is jjwt's, a
 * production JWT library (not the service's own TokenService, and no check written here): the keys are parsed
 * by its JWK parser and the token by its parser under exactly those requirements, so a token passes only what a
 * real verifier so configured would pass.
 */
final class JwtAuthorizer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either the token's claims (authorized) or why the request is refused with 401. */
    record Decision(JsonNode claims, String refusal) {
        boolean authorized() {
            return refusal == null;
        }
    }

    private final String issuer;
    private final String audience;
    private final Function<URI, JsonNode> fetch;
    private final Clock clock;

    /** {@code fetch} GETs a URL and returns its JSON body, as the authorizer does over the internet. */
    JwtAuthorizer(String issuer, String audience, Function<URI, JsonNode> fetch, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.fetch = fetch;
        this.clock = clock;
    }

    Decision authorize(String identitySource) {
        String token = identitySource.startsWith("Bearer ") ? identitySource.substring("Bearer ".length()) : identitySource;
        JsonNode discovery = fetch.apply(URI.create(issuer + "/.well-known/openid-configuration"));
        if (!issuer.equals(discovery.path("issuer").asText())) {
            return refused("the discovery document names another issuer: " + discovery.path("issuer").asText());
        }
        JwkSet keys = Jwks.setParser().build()
                .parse(fetch.apply(URI.create(discovery.path("jwks_uri").asText())).toString());
        JwtParser parser = Jwts.parser()
                .keyLocator(new ByKid(keys))
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()))
                .build();
        try {
            parser.parseSignedClaims(token);
        } catch (InvalidClaimException e) {
            return refused(e.getClaimName() + ": " + e.getMessage());
        } catch (JwtException | IllegalArgumentException e) {
            return refused(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new Decision(payload(token), null);
    }

    private static Decision refused(String why) {
        return new Decision(null, why);
    }

    /** The claims as API Gateway passes them on, read from the token jjwt has just verified. */
    private static JsonNode payload(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException("a verified token whose payload is not JSON", e);
        }
    }

    /** The JWKS key named by the header's kid; none means jjwt refuses the token. */
    private static final class ByKid extends LocatorAdapter<Key> {
        private final JwkSet keys;

        ByKid(JwkSet keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(ProtectedHeader header) {
            for (Jwk<?> key : keys) {
                if (key.getId() != null && key.getId().equals(header.getKeyId())) {
                    return key.toKey();
                }
            }
            throw new io.jsonwebtoken.security.SignatureException("no key for kid " + header.getKeyId());
        }
    }
}
