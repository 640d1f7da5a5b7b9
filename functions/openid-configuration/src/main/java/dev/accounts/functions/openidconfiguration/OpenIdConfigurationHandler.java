package dev.accounts.functions.openidconfiguration;

import dev.accounts.core.Services;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.token.KeyDiscovery;
import dev.accounts.core.http.PrimingRequests;
import java.util.Map;

/** GET /.well-known/openid-configuration → the discovery document API Gateway's JWT authorizer reads. */
public final class OpenIdConfigurationHandler extends ApiFunction {
    private final Issuers issuers;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public OpenIdConfigurationHandler() {
        this(System.getenv());
    }

    public OpenIdConfigurationHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public OpenIdConfigurationHandler(Services services) {
        this.issuers = services.issuers();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200, KeyDiscovery.openIdConfiguration(issuers.issuerFor(request)))
                .withHeader("Cache-Control", KeyDiscovery.CACHE_CONTROL);
    }

    @Override
    public void prime() {
        primeWith(PrimingRequests.get("/.well-known/openid-configuration"));
    }
}
