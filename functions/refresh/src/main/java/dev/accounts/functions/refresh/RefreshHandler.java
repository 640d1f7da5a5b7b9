package dev.accounts.functions.refresh;

import dev.accounts.core.account.RefreshTokens;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenResponses;
import dev.accounts.core.wiring.EnvironmentWiring;

/** POST /account/refresh → 200 with a new access token and the next refresh token (rotation always on). */
public final class RefreshHandler extends PrimedFunction {
    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public RefreshHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public RefreshHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.refreshTokens = wiring.refreshTokens();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return answer(refreshTokens.refresh(JsonBody.of(request), issuer.forBaseUrl(request.publicBaseUrl())));
    }

    private static ApiResponse answer(TokenPair tokens) {
        return ApiResponse.json(200, TokenResponses.refresh(tokens));
    }

    @Override
    protected void prime(Primer primer) {
        // The spend (cancelled whole), a transaction's answer, and a reuse's family revocation (refused).
        primer.stores().refreshSpend();
        primer.stores().familyRevocation();
        primer.render(answer(primer.tokenPair()));
        // The token's user exists nowhere, so the spend transaction is cancelled whole: nothing is written.
        primer.send(PrimingEvents.post("/account/refresh", "{\"refresh\": \"" + primer.tokenPair().refresh() + "\"}"));
    }
}
