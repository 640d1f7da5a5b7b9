package dev.accounts.functions.createaccount;

import dev.accounts.core.account.CreateAccount;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.wiring.EnvironmentWiring;

/** POST /account/create-account → 201 and the new user. */
public final class CreateAccountHandler extends PrimedFunction {
    private final CreateAccount createAccount;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public CreateAccountHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public CreateAccountHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.createAccount = wiring.createAccount();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.json(201, createAccount.create(JsonBody.of(request)).toPublicJson());
    }

    @Override
    protected void prime(Primer primer) {
        // The password rules (their list loads once), one Argon2id hash, and the sign-up transaction refused.
        primer.wiring().passwordPolicy().problems("priming-Password-7", "priming", "", "", "");
        primer.wiring().passwordHasher().hash("priming-Password-7");
        primer.stores().userCreate();
        primer.refusedVerificationEmail();
        // Refused by the password rules after the name lookup: nothing is written.
        primer.send(PrimingEvents.post("/account/create-account",
                "{\"username\": \"priming\", \"password\": \"1\", \"email\": \"priming@" + PrimingEvents.DOMAIN
                        + "\", \"first_name\": \"Priming\", \"last_name\": \"Priming\"}"));
    }
}
