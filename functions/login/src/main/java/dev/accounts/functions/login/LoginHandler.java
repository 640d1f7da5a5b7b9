package dev.accounts.functions.login;

import dev.accounts.core.account.Login;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.contract.ApiException;
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

/** POST /account/login → 200 with a new refresh and access token. */
public final class LoginHandler extends PrimedFunction {
    private final Login login;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public LoginHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public LoginHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.login = wiring.login();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return answer(login.login(JsonBody.of(request), issuer.forBaseUrl(request.publicBaseUrl())));
    }

    private static ApiResponse answer(TokenPair tokens) {
        return ApiResponse.json(200, TokenResponses.login(tokens));
    }

    @Override
    protected void prime(Primer primer) {
        // The lockout's count and clearing (refused) and its read, the name rules and lookup, one hash check, the
        // hash upgrade (refused), and the answer with a token pair: no write.
        String key = Usernames.key("priming");
        primer.stores().loginAttemptWrites();
        try {
            primer.wiring().loginThrottle().checkAllowed(key);
        } catch (ApiException lockedByAnotherCaller) {
            // someone's lockout of that name: irrelevant to priming
        }
        Usernames.problem("priming");
        primer.wiring().users().findByUsernameKey(key);
        primer.stores().userReads();
        primer.stores().passwordHashReplace();
        primer.wiring().passwordHasher().verifyAgainstDummy("priming-password");
        primer.render(answer(primer.tokenPair()));
        // Refused for the missing password, before the lockout counter is touched.
        primer.send(PrimingEvents.post("/account/login", "{\"username\": \"priming\"}"));
    }
}
