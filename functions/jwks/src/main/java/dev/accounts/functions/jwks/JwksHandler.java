package dev.accounts.functions.jwks;

import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.wiring.EnvironmentWiring;

/** GET /.well-known/jwks.json → the public keys of every token that may still be alive. */
public final class JwksHandler extends PrimedFunction {
    private final KeyDiscovery discovery;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public JwksHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public JwksHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.discovery = wiring.keyDiscovery();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, discovery.jwks()).withHeader("Cache-Control", KeyDiscovery.CACHE_CONTROL);
    }

    @Override
    protected void prime(Primer primer) {
        primer.send(PrimingEvents.get("/.well-known/jwks.json"));
    }
}
