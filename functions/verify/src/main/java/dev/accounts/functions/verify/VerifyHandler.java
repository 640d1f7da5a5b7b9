package dev.accounts.functions.verify;

import dev.accounts.core.Services;
import dev.accounts.core.account.VerifyToken;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.http.PrimingRequests;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenPair;
import java.util.Map;

/** POST /account/verify → 200 {} when the token is valid, unexpired and unrevoked. */
public final class VerifyHandler extends ApiFunction {
    private final VerifyToken verifyToken;
    private final Issuers issuers;
    private final TokenService tokens;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public VerifyHandler() {
        this(System.getenv());
    }

    public VerifyHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public VerifyHandler(Services services) {
        this.verifyToken = services.verifyToken();
        this.issuers = services.issuers();
        this.tokens = services.tokens();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        verifyToken.verify(JsonBody.of(request), issuers.issuerFor(request));
        return ApiResponse.json(200, Map.of());
    }

    @Override
    public void prime() {
        // Both reads (revocations, user) run and find nothing: "blacklisted", nothing written.
        // Deployed, it holds the public keys only: the token is signed by a key trusted until endPriming().
        TokenPair pair = tokens.prime(issuers.forPriming());
        verifyToken.prime();
        primeWith(PrimingRequests.post("/account/verify", "{\"token\": \"" + pair.refresh() + "\"}", null));
        tokens.endPriming();
    }
}
