package dev.accounts.functions.createaccount;

import dev.accounts.core.Services;
import dev.accounts.core.account.CreateAccount;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.http.PrimingRequests;
import java.util.Map;

/** POST /account/create-account → 201 and the new user. */
public final class CreateAccountHandler extends ApiFunction {
    private final CreateAccount createAccount;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public CreateAccountHandler() {
        this(System.getenv());
    }

    public CreateAccountHandler(Map<String, String> env) {
        this(Services.fromEnvironment(env));
    }

    public CreateAccountHandler(Services services) {
        this.createAccount = services.createAccount();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(201, createAccount.create(JsonBody.of(request)).toPublicJson());
    }

    @Override
    public void prime() {
        createAccount.prime();
        // Refused by the password rules after the name lookup: nothing is written.
        primeWith(PrimingRequests.post("/account/create-account",
                "{\"username\": \"priming\", \"password\": \"1\", \"email\": \"priming@" + PrimingRequests.DOMAIN
                        + "\", \"first_name\": \"Priming\", \"last_name\": \"Priming\"}", null));
    }
}
