package dev.accounts.core.token;

import java.util.Optional;

/**
 * Which `iss` tokens carry and must carry: the configured TOKEN_ISSUER, else the API's public base URL as the
 * request reached it (the template cannot pass the API's URL to its own functions without a cycle).
 */
public final class TokenIssuer {
    static final String FALLBACK = "urn:accounts:issuer";
    private final Optional<String> configured;

    public TokenIssuer(Optional<String> configured) {
        this.configured = configured;
    }

    /** The issuer for a request that reached the API at {@code publicBaseUrl} (absent: not known). */
    public String forBaseUrl(Optional<String> publicBaseUrl) {
        return configured.orElseGet(() -> publicBaseUrl.orElse(FALLBACK));
    }
}
