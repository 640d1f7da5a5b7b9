package dev.accounts.functions.deleteaccount;

import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.DeleteAccount;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.wiring.EnvironmentWiring;

/** DELETE /account/delete-account/{id} with the owner's Bearer access token → 204. */
public final class DeleteAccountHandler extends PrimedFunction {
    private final Authenticator authenticator;
    private final DeleteAccount deleteAccount;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public DeleteAccountHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public DeleteAccountHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.authenticator = wiring.authenticator();
        this.deleteAccount = wiring.deleteAccount();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        User caller = authenticator.authenticate(request.header("authorization"),
                issuer.forBaseUrl(request.publicBaseUrl()));
        deleteAccount.delete(caller, request.pathParameter("id").orElse(""));
        return ApiResponse.noContent();
    }

    @Override
    protected void prime(Primer primer) {
        primer.stores().userReads();
        primer.stores().userDelete();
        // Refused as "user not found" after the token checks.
        primer.send(PrimingEvents.delete("/account/delete-account/{id}").pathParameter("id", "priming")
                .bearer(primer.tokenPair().access()));
    }
}
