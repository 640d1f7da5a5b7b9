package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A stand-in for API Gateway's JWT authorizer of HTTP APIs, following its documented steps: the token from the
 * identity source (with or without "Bearer "), the issuer's /.well-known/openid-configuration, the key its
 * jwks_uri lists under the token's kid, the signature by that key, then the claims: iss equal to the configured
 * issuer, aud (or client_id) one of the configured audiences, exp after now, nbf and iat not after now. It shows
 * that the tokens and discovery documents of the account service give such an authorizer all it needs.
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
    private final List<String> audiences;
    private final Function<URI, JsonNode> fetch;
    private final Clock clock;

    /** {@code fetch} GETs a URL and returns its JSON body, as the authorizer does over the internet. */
    JwtAuthorizer(String issuer, List<String> audiences, Function<URI, JsonNode> fetch, Clock clock) {
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("a JWT authorizer needs at least one audience");
        }
        this.issuer = issuer;
        this.audiences = audiences;
        this.fetch = fetch;
        this.clock = clock;
    }

    Decision authorize(String identitySource) {
        String token = identitySource.startsWith("Bearer ") ? identitySource.substring("Bearer ".length()) : identitySource;
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return refused("not a JWS compact token");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return refused("undecodable token");
        }
        JsonNode discovery = fetch.apply(URI.create(issuer + "/.well-known/openid-configuration"));
        if (!issuer.equals(discovery.path("issuer").asText())) {
            return refused("the discovery document names another issuer: " + discovery.path("issuer").asText());
        }
        JsonNode key = null;
        for (JsonNode candidate : fetch.apply(URI.create(discovery.path("jwks_uri").asText())).path("keys")) {
            if (candidate.path("kid").asText().equals(header.path("kid").asText(null))) {
                key = candidate;
            }
        }
        if (key == null) {
            return refused("no key for kid " + header.path("kid"));
        }
        if (!"ES256".equals(header.path("alg").asText()) || !"ES256".equals(key.path("alg").asText("ES256"))) {
            return refused("algorithm " + header.path("alg") + " for key " + key.path("kid"));
        }
        if (!signatureVerifies(key, parts)) {
            return refused("bad signature");
        }
        long now = clock.instant().getEpochSecond();
        if (!issuer.equals(claims.path("iss").asText())) {
            return refused("iss " + claims.path("iss"));
        }
        List<String> tokenAudiences = new ArrayList<>();
        claims.path("aud").forEach(a -> tokenAudiences.add(a.asText()));
        if (claims.path("aud").isTextual()) {
            tokenAudiences.add(claims.path("aud").asText());
        }
        tokenAudiences.add(claims.path("client_id").asText(""));
        if (tokenAudiences.stream().noneMatch(audiences::contains)) {
            return refused("aud " + claims.path("aud") + " is none of " + audiences);
        }
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now) {
            return refused("expired");
        }
        if (claims.path("nbf").asLong(0) > now || claims.path("iat").asLong(0) > now) {
            return refused("not yet valid");
        }
        return new Decision(claims, null);
    }

    private static Decision refused(String why) {
        return new Decision(null, why);
    }

    private static boolean signatureVerifies(JsonNode jwk, String[] parts) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECPoint point = new ECPoint(coordinate(jwk, "x"), coordinate(jwk, "y"));
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static BigInteger coordinate(JsonNode jwk, String name) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path(name).asText()));
    }
}
