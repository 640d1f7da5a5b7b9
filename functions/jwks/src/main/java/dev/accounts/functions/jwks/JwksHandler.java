package dev.accounts.functions.jwks;

import dev.accounts.core.Services;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.http.PrimingRequests;
import java.util.Map;

/** GET /.well-known/jwks.json → the public keys of every token that may still be alive. */
public final class JwksHandler extends ApiFunction {

    private final KeyDiscovery discovery;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public JwksHandler() {
        this(System.getenv());
    }

    public JwksHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public JwksHandler(Services services) {
        this.discovery = services.keyDiscovery();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, discovery.jwks()).withHeader("Cache-Control", KeyDiscovery.CACHE_CONTROL);
    }

    @Override
    public void prime() {
        primeWith(PrimingRequests.get("/.well-known/jwks.json"));
    }
}
