package dev.accounts.functions.passwordresetconfirm;

import dev.accounts.core.account.ConfirmPasswordReset;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/password-reset/confirm with the e-mailed uid and token → 200, the new password set. */
public final class PasswordResetConfirmHandler extends PrimedFunction {
    private final ConfirmPasswordReset confirmPasswordReset;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public PasswordResetConfirmHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public PasswordResetConfirmHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.confirmPasswordReset = wiring.confirmPasswordReset();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        confirmPasswordReset.confirm(JsonBody.of(request));
        return ApiResponse.json(200, Map.of("detail", "Password has been reset with the new password."));
    }

    @Override
    protected void prime(Primer primer) {
        // The rules and a hash of a new password, the reset transaction (cancelled: no such token), and a request
        // refused for its unknown uid.
        primer.wiring().passwordPolicy().problems("priming-Password-7", "priming", "", "", "");
        primer.wiring().passwordHasher().hash("priming-Password-7");
        primer.stores().userReads();
        primer.stores().passwordResetSpend();
        primer.send(PrimingEvents.post("/account/password-reset/confirm",
                "{\"uid\": \"priming\", \"token\": \"priming\", \"new_password\": \"priming-Password-7\"}"));
    }
}
