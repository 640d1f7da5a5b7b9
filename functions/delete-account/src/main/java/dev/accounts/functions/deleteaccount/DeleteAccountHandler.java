package dev.accounts.functions.deleteaccount;

import dev.accounts.core.Services;
import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.DeleteAccount;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.token.Issuers;
import dev.accounts.core.http.PrimingRequests;
import dev.accounts.core.token.TokenService;
import dev.accounts.core.token.TokenPair;
import java.util.Map;

/** DELETE /account/delete-account/{id} with the owner's Bearer access token → 204. */
public final class DeleteAccountHandler extends ApiFunction {
    private final Authenticator authenticator;
    private final DeleteAccount deleteAccount;
    private final Issuers issuers;
    private final TokenService tokens;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public DeleteAccountHandler() {
        this(System.getenv());
    }

    public DeleteAccountHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public DeleteAccountHandler(Services services) {
        this.authenticator = services.authenticator();
        this.deleteAccount = services.deleteAccount();
        this.issuers = services.issuers();
        this.tokens = services.tokens();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        User caller = authenticator.authenticate(request, issuers.issuerFor(request));
        deleteAccount.delete(caller, request.pathParameter("id").orElse(""));
        return ApiResponse.noContent();
    }

    @Override
    public void prime() {
        // The deletion transaction runs for no one; the request is refused as "user not found" after the token checks.
        // Deployed, it holds the public keys only: the token is signed by a key trusted until endPriming().
        TokenPair pair = tokens.prime(issuers.forPriming());
        authenticator.prime();
        deleteAccount.prime();
        primeWith(PrimingRequests.delete("/account/delete-account/{id}", "priming", pair.access()));
        tokens.endPriming();
    }
}
