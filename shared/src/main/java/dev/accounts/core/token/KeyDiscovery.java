package dev.accounts.core.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What other services need to trust our tokens without calling us: the RFC 7517 key set, and the OpenID
 * discovery document through which API Gateway's JWT authorizer finds it (its issuer must equal `iss`).
 */
public final class KeyDiscovery {
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    /** As long as a function caches the key set: a rotation reaches verifiers within minutes. */
    public static final String CACHE_CONTROL = "public, max-age=" + SecretsManagerKeySource.MAX_AGE.toSeconds();

    private final Supplier<SigningKeySet> keys;

    public KeyDiscovery(Supplier<SigningKeySet> keys) {
        this.keys = keys;
    }

    public Map<String, Object> jwks() {
        return Map.of("keys", keys.get().publicJwks());
    }

    public static Map<String, Object> openIdConfiguration(String issuer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + JWKS_PATH);
        document.put("id_token_signing_alg_values_supported", List.of(TokenService.ALGORITHM_NAME));
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("token"));
        document.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "token_type", "user_id"));
        return document;
    }
}
