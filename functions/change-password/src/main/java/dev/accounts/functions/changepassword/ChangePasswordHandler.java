package dev.accounts.functions.changepassword;

import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.ChangePassword;
import dev.accounts.core.account.User;
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
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /account/change-password with the caller's Bearer access token → 200, the password changed, a fresh pair. */
public final class ChangePasswordHandler extends PrimedFunction {
    private final Authenticator authenticator;
    private final ChangePassword changePassword;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public ChangePasswordHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public ChangePasswordHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.authenticator = wiring.authenticator();
        this.changePassword = wiring.changePassword();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String tokenIssuer = issuer.forBaseUrl(request.publicBaseUrl());
        User caller = authenticator.authenticate(request.header("authorization"), tokenIssuer);
        return answer(changePassword.change(caller, JsonBody.of(request), tokenIssuer));
    }

    private static ApiResponse answer(TokenPair pair) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "New password has been saved.");
        body.put("access", pair.access());
        body.put("refresh", pair.refresh());
        return ApiResponse.json(200, body);
    }

    @Override
    protected void prime(Primer primer) {
        // The lockout's count and clearing (refused) and its read, one hash check, the rules and a hash of the new
        // password, the change (refused), and the answer with a new pair: no write.
        primer.stores().loginAttemptWrites();
        try {
            primer.wiring().loginThrottle().checkAllowed(Usernames.key("priming"));
        } catch (ApiException lockedByAnotherCaller) {
            // someone's lockout of that name: irrelevant to priming
        }
        primer.wiring().passwordHasher().verifyAgainstDummy("priming-password");
        primer.wiring().passwordPolicy().problems("priming-Password-7", "priming", "", "", "");
        primer.wiring().passwordHasher().hash("priming-Password-7");
        primer.stores().userReads();
        primer.stores().passwordChange();
        primer.render(answer(primer.tokenPair()));
        // Refused as "user not found" after the token checks.
        primer.send(PrimingEvents.post("/account/change-password",
                "{\"old_password\": \"priming\", \"new_password\": \"priming\"}").bearer(primer.tokenPair().access()));
    }
}
