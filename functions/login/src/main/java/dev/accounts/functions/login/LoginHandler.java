package dev.accounts.functions.login;

import dev.accounts.core.Services;
import dev.accounts.core.account.Login;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.token.TokenResponses;
import dev.accounts.core.http.PrimingRequests;
import java.util.Map;

/** POST /account/login → 200 with a new refresh and access token. */
public final class LoginHandler extends ApiFunction {
    private final Login login;
    private final Issuers issuers;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public LoginHandler() {
        this(System.getenv());
    }

    public LoginHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public LoginHandler(Services services) {
        this.login = services.login();
        this.issuers = services.issuers();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(200,
                TokenResponses.login(login.login(JsonBody.of(request), issuers.issuerFor(request))));
    }

    @Override
    public void prime() {
        login.prime(issuers.forPriming());
        // Refused for the missing password, before the lockout counter is touched.
        primeWith(PrimingRequests.post("/account/login", "{\"username\": \"priming\"}", null));
    }
}
