package dev.accounts.functions.deleteaccount;

import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BearerRefusals;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import dev.accounts.core.token.TokenPair;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DELETE /account/delete-account/{id} through its handler, against real DynamoDB tables. */
class DeleteAccountHandlerTest {
    private static final String NOT_PROVIDED = "{\"detail\": \"Authentication credentials were not provided.\"}";
    private static final String FORBIDDEN = "{\"detail\": \"You do not have permission to perform this action.\"}";
    private static final String USER_NOT_FOUND = "{\"detail\": \"User not found\", \"code\": \"user_not_found\"}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private static final TestStack STACK = TestStack.create();
    private static final EnvironmentWiring SERVICES = STACK.services();
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final DeleteAccountHandler HANDLER = new DeleteAccountHandler(SERVICES);
    /** Never deleted: the tests that must not delete act as this user. */
    private static final User KEEPER = ACCOUNTS.signUp(uniqueName("keeper"));

    @Test
    void deletingOnesOwnAccountIs204WithNoBodyAndRevokesEveryRefreshToken() {
        String name = uniqueName("leaver");
        User leaver = ACCOUNTS.signUp(name);
        TokenPair login = ACCOUNTS.session(leaver);
        TokenPair otherLogin = ACCOUNTS.session(leaver);

        Responses.assertNoContent(delete(leaver.id(), login.access()));

        assertTrue(SERVICES.users().findById(leaver.id()).isEmpty(), "the account is gone");
        Responses.assertRefused(() -> ACCOUNTS.refresh(login.refresh()), 401, BLACKLISTED);
        Responses.assertRefused(() -> ACCOUNTS.refresh(otherLogin.refresh()), 401, BLACKLISTED);
        assertUnauthorized(delete(leaver.id(), login.access()), USER_NOT_FOUND);
        assertUnauthorized(delete(leaver.id(), otherLogin.access()), USER_NOT_FOUND);
    }

    @Test
    void theNameIsFreeAgainUnderANewIdThatTheOldTokensNeverReach() {
        String name = uniqueName("phoenix");
        User old = ACCOUNTS.signUp(name);
        TokenPair oldLogin = ACCOUNTS.session(old);
        Responses.assertNoContent(delete(old.id(), oldLogin.access()));

        User reborn = ACCOUNTS.signUp(name.toUpperCase());

        assertNotEquals(old.id(), reborn.id());
        assertUnauthorized(delete(reborn.id(), oldLogin.access()), USER_NOT_FOUND);
        assertUnauthorized(delete(old.id(), oldLogin.access()), USER_NOT_FOUND);
        assertTrue(SERVICES.users().findById(reborn.id()).isPresent(), "the new account is untouched");
        Responses.assertRefused(() -> ACCOUNTS.refresh(oldLogin.refresh()), 401, BLACKLISTED);
    }

    @Test
    void anotherIdIsForbiddenWhetherOrNotItExists() {
        User victim = ACCOUNTS.signUp(uniqueName("victim"));
        TokenPair keeper = ACCOUNTS.session(KEEPER);

        assertAnswer(delete(victim.id(), keeper.access()), 403, FORBIDDEN);
        assertAnswer(delete(UUID.randomUUID().toString(), keeper.access()), 403, FORBIDDEN);

        assertTrue(SERVICES.users().findById(victim.id()).isPresent(), "the other account still exists");
        assertTrue(SERVICES.users().findById(KEEPER.id()).isPresent(), "and so does the caller's");
    }

    @Test
    void withoutATokenNothingIsDeleted() {
        assertUnauthorized(send(HttpApiEvent.delete(path(KEEPER.id())).pathParameter("id", KEEPER.id())), NOT_PROVIDED);
        assertUnauthorized(send(HttpApiEvent.delete(path(KEEPER.id())).pathParameter("id", KEEPER.id())
                .header("authorization", "Token abc")), NOT_PROVIDED);

        assertTrue(SERVICES.users().findById(KEEPER.id()).isPresent());
    }

    @Test
    void onlyAnAccessTokenAuthenticates() {
        TokenPair keeper = ACCOUNTS.session(KEEPER);

        assertUnauthorized(delete(KEEPER.id(), keeper.refresh()), BearerRefusals.WRONG_TYPE);
        assertUnauthorized(delete(KEEPER.id(), "not.a.token"), BearerRefusals.INVALID_OR_EXPIRED);

        assertTrue(SERVICES.users().findById(KEEPER.id()).isPresent());
    }

    @Test
    void unreachableStorageIsA503AndNothingIsDeleted() {
        TokenPair keeper = ACCOUNTS.session(KEEPER);
        DeleteAccountHandler cutOff = new DeleteAccountHandler(Unreachable.dynamoDb(STACK).services());

        Responses.assertServiceUnavailable(cutOff.handleRequest(
                HttpApiEvent.delete(path(KEEPER.id())).pathParameter("id", KEEPER.id()).bearer(keeper.access()).build(), null));

        assertTrue(SERVICES.users().findById(KEEPER.id()).isPresent());
        ACCOUNTS.refresh(keeper.refresh());
    }

    private static APIGatewayV2HTTPResponse delete(String id, String accessToken) {
        return send(HttpApiEvent.delete(path(id)).pathParameter("id", id).bearer(accessToken));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }

    private static String path(String id) {
        return "/account/delete-account/" + id;
    }
}
