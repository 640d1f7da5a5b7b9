package dev.accounts.functions.verify;

import dev.accounts.core.account.VerifyToken;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/verify → 200 {} when the token is valid, unexpired and unrevoked. */
public final class VerifyHandler extends PrimedFunction {
    private final VerifyToken verifyToken;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public VerifyHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public VerifyHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.verifyToken = wiring.verifyToken();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        verifyToken.verify(JsonBody.of(request), issuer.forBaseUrl(request.publicBaseUrl()));
        return ApiResponse.json(200, Map.of());
    }

    @Override
    protected void prime(Primer primer) {
        // Both reads (revocations, user) run and find nothing: "blacklisted", nothing written.
        primer.stores().revocationReads();
        primer.stores().userReads();
        primer.send(PrimingEvents.post("/account/verify", "{\"token\": \"" + primer.tokenPair().refresh() + "\"}"));
    }
}
