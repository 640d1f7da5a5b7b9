package dev.accounts.functions.refresh;

import dev.accounts.core.Services;
import dev.accounts.core.account.RefreshTokens;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.token.TokenResponses;
import dev.accounts.core.http.PrimingRequests;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenPair;
import java.util.Map;

/** POST /account/refresh → 200 with a new access token and the next refresh token (rotation always on). */
public final class RefreshHandler extends ApiFunction {
    private final RefreshTokens refreshTokens;
    private final Issuers issuers;
    private final TokenService tokens;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public RefreshHandler() {
        this(System.getenv());
    }

    public RefreshHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public RefreshHandler(Services services) {
        this.refreshTokens = services.refreshTokens();
        this.issuers = services.issuers();
        this.tokens = services.tokens();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200,
                TokenResponses.refresh(refreshTokens.refresh(JsonBody.of(request), issuers.issuerFor(request))));
    }

    @Override
    public void prime() {
        // The token's user exists nowhere, so the spend transaction is cancelled whole: nothing is written.
        TokenPair pair = tokens.prime(issuers.forPriming());
        refreshTokens.prime();
        primeWith(PrimingRequests.post("/account/refresh", "{\"refresh\": \"" + pair.refresh() + "\"}", null));
    }
}
