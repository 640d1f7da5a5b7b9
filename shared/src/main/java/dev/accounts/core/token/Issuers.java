package dev.accounts.core.token;

import dev.accounts.core.http.ApiRequest;
import java.util.Optional;

/**
 * Which `iss` tokens carry and must carry: the configured TOKEN_ISSUER, else the API's public base URL as the
 * request reached it (the template cannot pass the API's URL to its own functions without a cycle).
 */
public final class Issuers {
    static final String FALLBACK = "urn:accounts:issuer";
    private final Optional<String> configured;

    public Issuers(Optional<String> configured) {
        this.configured = configured;
    }

    /** The issuer a handler derives for its own priming requests. */
    public String forPriming() {
        return configured.orElse(dev.accounts.core.http.PrimingRequests.issuer());
    }

    public String issuerFor(ApiRequest request) {
        return configured.orElseGet(() -> request.publicBaseUrl().orElse(FALLBACK));
    }
}
