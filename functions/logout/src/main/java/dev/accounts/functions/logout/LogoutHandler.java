package dev.accounts.functions.logout;

import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.Logout;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/logout with the caller's Bearer access token → 200 once their refresh token is revoked. */
public final class LogoutHandler extends PrimedFunction {
    private final Authenticator authenticator;
    private final Logout logout;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public LogoutHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public LogoutHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.authenticator = wiring.authenticator();
        this.logout = wiring.logout();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String tokenIssuer = issuer.forBaseUrl(request.publicBaseUrl());
        User caller = authenticator.authenticate(request.header("authorization"), tokenIssuer);
        logout.logout(caller, JsonBody.of(request), tokenIssuer);
        return ApiResponse.json(200, Map.of("message", "Logout successful"));
    }

    @Override
    protected void prime(Primer primer) {
        TokenPair pair = primer.tokenPair();
        String body = "{\"refresh\": \"" + pair.refresh() + "\"}";
        // The body's token read as logout reads it (the request never gets that far), the revocation reads and
        // the family revocation (refused): nothing is written.
        primer.wiring().refreshTokenReader().read(JsonBody.of(ApiRequest.from(
                PrimingEvents.post("/account/logout", body).build())), primer.issuer());
        primer.stores().userReads();
        primer.stores().revocationReads();
        primer.stores().familyRevocation();
        // Refused as "user not found" after the token checks.
        primer.send(PrimingEvents.post("/account/logout", body).bearer(pair.access()));
    }
}
