package dev.accounts.functions.getprofile;

import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.wiring.EnvironmentWiring;

/** GET /account/me with the caller's Bearer access token → 200 and the caller's profile. */
public final class GetProfileHandler extends PrimedFunction {
    private final Authenticator authenticator;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public GetProfileHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public GetProfileHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.authenticator = wiring.authenticator();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        User caller = authenticator.authenticate(request.header("authorization"),
                issuer.forBaseUrl(request.publicBaseUrl()));
        return ApiResponse.json(200, caller.toProfileJson());
    }

    @Override
    protected void prime(Primer primer) {
        primer.stores().userReads();
        // Refused as "user not found" after the token checks.
        primer.send(PrimingEvents.get("/account/me").bearer(primer.tokenPair().access()));
    }
}
