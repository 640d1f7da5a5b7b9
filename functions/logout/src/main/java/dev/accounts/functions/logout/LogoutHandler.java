package dev.accounts.functions.logout;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.accounts.core.Services;
import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.Logout;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.http.PrimingRequests;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenPair;
import java.util.Map;

/** POST /account/logout with the caller's Bearer access token → 200 once their refresh token is revoked. */
public final class LogoutHandler extends ApiFunction {
    private final Authenticator authenticator;
    private final Logout logout;
    private final Issuers issuers;
    private final TokenService tokens;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public LogoutHandler() {
        this(System.getenv());
    }

    public LogoutHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public LogoutHandler(Services services) {
        this.authenticator = services.authenticator();
        this.logout = services.logout();
        this.issuers = services.issuers();
        this.tokens = services.tokens();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String issuer = issuers.issuerFor(request);
        User caller = authenticator.authenticate(request, issuer);
        logout.logout(caller, JsonBody.of(request), issuer);
        return ApiResponse.json(200, Map.of("message", "Logout successful"));
    }

    @Override
    public void prime() {
        // The stores' calls run refused or missing; the request is refused as "user not found" after the token checks.
        // Deployed, it holds the public keys only: the token is signed by a key trusted until endPriming().
        String issuer = issuers.forPriming();
        TokenPair pair = tokens.prime(issuer);
        APIGatewayV2HTTPEvent request = PrimingRequests.post("/account/logout",
                "{\"refresh\": \"" + pair.refresh() + "\"}", pair.access());
        authenticator.prime();
        logout.prime(JsonBody.of(ApiRequest.from(request)), issuer);
        primeWith(request);
        tokens.endPriming();
    }
}
