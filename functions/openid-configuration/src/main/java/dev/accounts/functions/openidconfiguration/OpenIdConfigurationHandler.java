package dev.accounts.functions.openidconfiguration;

import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.wiring.EnvironmentWiring;

/** GET /.well-known/openid-configuration → the discovery document API Gateway's JWT authorizer reads. */
public final class OpenIdConfigurationHandler extends PrimedFunction {
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public OpenIdConfigurationHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public OpenIdConfigurationHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, KeyDiscovery.openIdConfiguration(issuer.forBaseUrl(request.publicBaseUrl())))
                .withHeader("Cache-Control", KeyDiscovery.CACHE_CONTROL);
    }

    @Override
    protected void prime(Primer primer) {
        primer.send(PrimingEvents.get("/.well-known/openid-configuration"));
    }
}
