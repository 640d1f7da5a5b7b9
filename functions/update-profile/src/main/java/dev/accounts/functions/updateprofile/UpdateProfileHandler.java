package dev.accounts.functions.updateprofile;

import dev.accounts.core.account.Authenticator;
import dev.accounts.core.account.UpdateProfile;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.http.ApiResponse;
import dev.accounts.core.http.JsonBody;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.priming.Primer;
import dev.accounts.core.priming.PrimingEvents;
import dev.accounts.core.token.TokenIssuer;
import dev.accounts.core.wiring.EnvironmentWiring;

/** PATCH /account/me with the caller's Bearer access token → 200 and the profile as changed. */
public final class UpdateProfileHandler extends PrimedFunction {
    private final Authenticator authenticator;
    private final UpdateProfile updateProfile;
    private final TokenIssuer issuer;

    /** Lambda's constructor: wiring from the environment the template sets. */
    public UpdateProfileHandler() {
        this(EnvironmentWiring.fromEnvironment(System.getenv()));
    }

    public UpdateProfileHandler(EnvironmentWiring wiring) {
        super(wiring);
        this.authenticator = wiring.authenticator();
        this.updateProfile = wiring.updateProfile();
        this.issuer = wiring.tokenIssuer();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        User caller = authenticator.authenticate(request.header("authorization"),
                issuer.forBaseUrl(request.publicBaseUrl()));
        return ApiResponse.json(200, updateProfile.update(caller, JsonBody.of(request)).toProfileJson());
    }

    @Override
    protected void prime(Primer primer) {
        // The update for an account that exists nowhere (refused); SES's send path, refused: no e-mail.
        primer.stores().userReads();
        primer.stores().profileUpdate();
        primer.refusedVerificationEmail();
        primer.send(PrimingEvents.patch("/account/me", "{\"first_name\": \"Priming\"}")
                .bearer(primer.tokenPair().access()));
    }
}
