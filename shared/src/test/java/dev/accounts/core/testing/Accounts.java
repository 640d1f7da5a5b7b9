package dev.accounts.core.testing;

import dev.accounts.core.http.HttpApiEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.json.Json;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.token.TokenService;
import java.util.UUID;

/**
 * Accounts and tokens for handler tests, made through the same use-cases the handlers call, so a test of one
 * endpoint can set up the others' results without their handlers. Sign-up and login each cost one Argon2 hash.
 */
public final class Accounts {
    /** Passes the password policy for every name {@link #uniqueName} makes. */
    public static final String PASSWORD = "violet-Harbor-92-lantern";

    private final EnvironmentWiring services;

    public Accounts(EnvironmentWiring services) {
        this.services = services;
    }

    /** A name no other test uses, valid under the contract (letters, digits, underscore). */
    public static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** The issuer a handler derives for the requests {@link HttpApiEvent} builds: tokens made here must carry it. */
    public String issuer() {
        return services.tokenIssuer().forBaseUrl(ApiRequest.from(HttpApiEvent.post("/account/login", "{}").build()).publicBaseUrl());
    }

    public User signUp(String username) {
        return signUp(username, PASSWORD);
    }

    public User signUp(String username, String password) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("username", username).put("password", password);
        return services.createAccount().create(body);
    }

    /** A real login (lockout, hash check, new family). */
    public TokenPair login(String username, String password) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("username", username).put("password", password);
        return services.login().login(body, issuer());
    }

    /** The tokens a successful login of `user` issues (a new login family), without paying for the hash check. */
    public TokenPair session(User user) {
        TokenService tokens = services.tokens();
        return tokens.issue(user.id(), tokens.newFamily(), issuer());
    }

    /** Deletes the account as delete-account does, revoking its refresh tokens. */
    public void delete(User user) {
        services.deleteAccount().delete(user, user.id());
    }

    /** Logs `user` out of the login `refreshToken` belongs to, as logout does. */
    public void logout(User user, String refreshToken) {
        services.logout().logout(user, Json.MAPPER.createObjectNode().put("refresh", refreshToken), issuer());
    }

    /** Refreshes as the refresh endpoint does; throws the endpoint's ApiException when refused. */
    public TokenPair refresh(String refreshToken) {
        return services.refreshTokens().refresh(Json.MAPPER.createObjectNode().put("refresh", refreshToken), issuer());
    }

    /** The body `{"refresh": token}` that refresh and logout take. */
    public static String refreshBody(String refreshToken) {
        return Json.write(Json.MAPPER.createObjectNode().put("refresh", refreshToken));
    }

    /** A JSON body with the given string fields, in order; values are escaped. */
    public static String body(String... namesAndValues) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Json.write(body);
    }
}
