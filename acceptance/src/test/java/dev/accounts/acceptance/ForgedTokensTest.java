package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens the service did not issue, or no longer honours, made from genuine ones: refused by verify and by every
 * endpoint that takes a token, with the contract's 401, and without any effect (no account deleted, no login
 * ended, nothing spent). Every function runs as the template configures it, on a clock the test moves.
 */
class ForgedTokensTest {
    private static TestStack stack;
    /** Moved forward by the EXPIRED forgery only; every test issues its tokens at the clock's present. */
    private static MutableClock clock;
    private static Deployment deployment;
    private static Accounts accounts;
    private static UserStore users;
    /** The attacker's own account, and another one a forgery may aim at; no test may change either. */
    private static User owner;
    private static User victim;

    @BeforeAll
    static void deploy() {
        stack = TestStack.create();
        clock = MutableClock.startingNow();
        deployment = Deployment.withClock(stack, clock);
        accounts = new Accounts(stack.services(clock));
        users = stack.services(clock).users();
        owner = accounts.signUp(Accounts.uniqueName("owner"));
        victim = accounts.signUp(Accounts.uniqueName("victim"));
    }

    @AfterAll
    static void undeploy() {
        deployment.close();
    }

    static Stream<Arguments> forgeriesOfBothTypes() {
        return Arrays.stream(Forgery.values()).flatMap(f -> Stream.of(Arguments.of(f, "access"), Arguments.of(f, "refresh")));
    }

    @ParameterizedTest(name = "{0}, {1} token")
    @MethodSource("forgeriesOfBothTypes")
    void verifyRefusesIt(Forgery forgery, String type) {
        TokenPair genuine = accounts.session(owner);
        String forged = forgery.forge(genuineOf("access".equals(type) ? genuine.access() : genuine.refresh()));

        Responses.assertAnswer(verify(forged), 401, Contract.TOKEN_INVALID_OR_EXPIRED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Forgery.class)
    void logoutAndDeleteAccountRefuseItAsTheBearerToken(Forgery forgery) {
        String forged = forgery.forge(genuineOf(accounts.session(owner).access()));
        String target = Jwt.claims(forged).path("user_id").asText();
        TokenPair live = accounts.session(owner);

        Responses.assertUnauthorized(send(HttpApiEvent.post("/account/logout", Accounts.refreshBody(live.refresh())).bearer(forged)),
                Contract.NOT_VALID_FOR_ANY_TOKEN_TYPE);
        Responses.assertUnauthorized(send(HttpApiEvent.delete("/account/delete-account/" + target).bearer(forged)),
                Contract.NOT_VALID_FOR_ANY_TOKEN_TYPE);

        for (User user : List.of(owner, victim)) {
            assertTrue(users.findById(user.id()).isPresent(), user.username() + " was deleted");
        }
        expect(200, refresh(live.refresh()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Forgery.class)
    void refreshAndLogoutRefuseItAsTheRefreshToken(Forgery forgery) {
        TokenPair genuine = accounts.session(owner);
        String forged = forgery.forge(genuineOf(genuine.refresh()));
        TokenPair live = accounts.session(owner);

        Responses.assertAnswer(refresh(forged), 401, Contract.TOKEN_INVALID_OR_EXPIRED);
        Responses.assertAnswer(send(HttpApiEvent.post("/account/logout", Accounts.refreshBody(forged)).bearer(live.access())),
                401, Contract.TOKEN_INVALID_OR_EXPIRED);

        // nothing was spent or revoked on the forgery's word: the genuine tokens refresh as before
        if (forgery.leavesTheGenuineTokenValid()) {
            expect(200, refresh(genuine.refresh()));
        }
        expect(200, refresh(live.refresh()));
    }

    private Forgery.Genuine genuineOf(String token) {
        return new Forgery.Genuine(token, stack.keys().publicKey(stack.keys().currentKid()).orElseThrow(), victim.id(), clock);
    }

    private APIGatewayV2HTTPResponse verify(String token) {
        return send(HttpApiEvent.post("/account/verify", Accounts.body("token", token)));
    }

    private APIGatewayV2HTTPResponse refresh(String refreshToken) {
        return send(HttpApiEvent.post("/account/refresh", Accounts.refreshBody(refreshToken)));
    }

    private APIGatewayV2HTTPResponse send(HttpApiEvent request) {
        return deployment.send(request.build());
    }
}
