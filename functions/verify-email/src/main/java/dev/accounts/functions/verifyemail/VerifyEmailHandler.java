package dev.accounts.functions.verifyemail;

import dev.accounts.core.account.VerifyEmail;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;

/** POST /account/verify-email with the e-mailed key → 200, the address verified. */
public final class VerifyEmailHandler extends PrimedFunction {
    private final VerifyEmail verifyEmail;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public VerifyEmailHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public VerifyEmailHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.verifyEmail = wiring.verifyEmail();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        verifyEmail.verify(JsonBody.of(request));
        return ApiResponse.json(200, Map.of("detail", "ok"));
    }

    @Override
    protected void prime(Primer primer) {
        // A key that exists nowhere: read, not found (404), nothing written.
        primer.stores().verificationKeyRead();
        primer.send(PrimingEvents.post("/account/verify-email", "{\"key\": \"priming\"}"));
    }
}
