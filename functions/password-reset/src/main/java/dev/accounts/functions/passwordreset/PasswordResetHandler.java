package dev.accounts.functions.passwordreset;

import dev.accounts.core.account.PasswordReset;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/password-reset → always 200; each account with the address gets a reset e-mail. */
public final class PasswordResetHandler extends PrimedFunction {
    private final PasswordReset passwordReset;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public PasswordResetHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public PasswordResetHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.passwordReset = wiring.passwordReset();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        passwordReset.request(JsonBody.of(request));
        return ApiResponse.json(200, Map.of("detail", "Password reset e-mail has been sent."));
    }

    @Override
    protected void prime(Primer primer) {
        // The index query for an address no account has; the request is refused for its missing address (no
        // e-mail, and none of the equal-time wait a real request has).
        primer.stores().emailLookup();
        primer.refusedEmail();
        primer.send(PrimingEvents.post("/account/password-reset", "{}"));
    }
}
