package dev.accounts.functions.logoutall;

import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.SignOutEverywhere;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/logout-all with the caller's Bearer access token → 200, every session of the caller ended. */
public final class LogoutAllHandler extends PrimedFunction {
    private final Authenticator authenticator;
    private final SignOutEverywhere signOutEverywhere;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public LogoutAllHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public LogoutAllHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.authenticator = wiring.authenticator();
        this.signOutEverywhere = wiring.signOutEverywhere();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        User caller = authenticator.authenticate(request.header("authorization"),
                issuer.forBaseUrl(request.publicBaseUrl()));
        signOutEverywhere.signOut(caller);
        return ApiResponse.json(200, Map.of("message", "Logged out of all sessions"));
    }

    @Override
    protected void prime(Primer primer) {
        primer.stores().userReads();
        primer.stores().sessionsEnd();
        // Refused as "user not found" after the token checks.
        primer.send(PrimingEvents.post("/account/logout-all", null).bearer(primer.tokenPair().access()));
    }
}
