package dev.accounts.functions.resendemail;

import dev.accounts.core.account.ResendVerification;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/resend-email → always 200; unverified accounts with the address get a new verification e-mail. */
public final class ResendEmailHandler extends PrimedFunction {
    private final ResendVerification resendVerification;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public ResendEmailHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public ResendEmailHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.resendVerification = wiring.resendVerification();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        resendVerification.resend(JsonBody.of(request));
        return ApiResponse.json(200, Map.of("detail", "ok"));
    }

    @Override
    protected void prime(Primer primer) {
        // The index query for an address no account has; the request is refused for its missing address.
        primer.stores().emailLookup();
        primer.refusedVerificationEmail();
        primer.send(PrimingEvents.post("/account/resend-email", "{}"));
    }
}
