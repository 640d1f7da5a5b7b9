package dev.accounts.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.http.ApiFunction;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.functions.createaccount.CreateAccountHandler;
import dev.accounts.functions.deleteaccount.DeleteAccountHandler;
import dev.accounts.functions.jwks.JwksHandler;
import dev.accounts.functions.login.LoginHandler;
import dev.accounts.functions.logout.LogoutHandler;
import dev.accounts.functions.openidconfiguration.OpenIdConfigurationHandler;
import dev.accounts.functions.refresh.RefreshHandler;
import dev.accounts.functions.verify.VerifyHandler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The eight function handlers on one wiring, as one execution environment per function would hold them, with
 * the requests a client sends. Every call goes through {@code handleRequest}, as Lambda makes it.
 */
final class Handlers {
    private final Map<Endpoint, ApiFunction> byEndpoint = new EnumMap<>(Endpoint.class);
    /** The request id of every event handled, in order: what the logs must name. */
    private final Queue<String> requestIds = new ConcurrentLinkedQueue<>();

    Handlers(EnvironmentWiring services) {
        byEndpoint.put(Endpoint.CREATE_ACCOUNT, new CreateAccountHandler(services));
        byEndpoint.put(Endpoint.LOGIN, new LoginHandler(services));
        byEndpoint.put(Endpoint.REFRESH, new RefreshHandler(services));
        byEndpoint.put(Endpoint.LOGOUT, new LogoutHandler(services));
        byEndpoint.put(Endpoint.DELETE_ACCOUNT, new DeleteAccountHandler(services));
        byEndpoint.put(Endpoint.VERIFY, new VerifyHandler(services));
        byEndpoint.put(Endpoint.JWKS, new JwksHandler(services));
        byEndpoint.put(Endpoint.OPENID_CONFIGURATION, new OpenIdConfigurationHandler(services));
    }

    APIGatewayV2HTTPResponse handle(Endpoint endpoint, APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            requestIds.add(event.getRequestContext().getRequestId());
        }
        return byEndpoint.get(endpoint).handleRequest(event, null);
    }

    List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    APIGatewayV2HTTPResponse signUp(String username, String password) {
        return handle(Endpoint.CREATE_ACCOUNT, HttpApiEvent.post(Endpoint.CREATE_ACCOUNT.route,
                Accounts.body("username", username, "password", password)).build());
    }

    APIGatewayV2HTTPResponse login(String username, String password) {
        return handle(Endpoint.LOGIN, HttpApiEvent.post(Endpoint.LOGIN.route,
                Accounts.body("username", username, "password", password)).build());
    }

    APIGatewayV2HTTPResponse refresh(String refreshToken) {
        return handle(Endpoint.REFRESH, HttpApiEvent.post(Endpoint.REFRESH.route, Accounts.refreshBody(refreshToken)).build());
    }

    APIGatewayV2HTTPResponse logout(String accessToken, String refreshToken) {
        return handle(Endpoint.LOGOUT, HttpApiEvent.post(Endpoint.LOGOUT.route, Accounts.refreshBody(refreshToken))
                .bearer(accessToken).build());
    }

    APIGatewayV2HTTPResponse deleteAccount(String accessToken, String id) {
        return handle(Endpoint.DELETE_ACCOUNT, HttpApiEvent.delete(Endpoint.DELETE_ACCOUNT.path(id))
                .pathParameter("id", id).header("content-type", null).bearer(accessToken).build());
    }

    APIGatewayV2HTTPResponse verify(String token) {
        return handle(Endpoint.VERIFY, HttpApiEvent.post(Endpoint.VERIFY.route, Accounts.body("token", token)).build());
    }

    APIGatewayV2HTTPResponse jwks() {
        return handle(Endpoint.JWKS, HttpApiEvent.get(Endpoint.JWKS.route).header("content-type", null).build());
    }

    APIGatewayV2HTTPResponse openIdConfiguration() {
        return handle(Endpoint.OPENID_CONFIGURATION,
                HttpApiEvent.get(Endpoint.OPENID_CONFIGURATION.route).header("content-type", null).build());
    }
}
