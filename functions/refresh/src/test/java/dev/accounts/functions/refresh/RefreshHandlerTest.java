package dev.accounts.functions.refresh;

import static dev.accounts.core.testing.Accounts.PASSWORD;
import static dev.accounts.core.testing.Accounts.refreshBody;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static dev.accounts.core.testing.Responses.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Jwt;
import dev.accounts.core.testing.MutableClock;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import dev.accounts.core.token.SigningKeySet;
import dev.accounts.core.token.TokenPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST /account/refresh through its handler, against real DynamoDB tables, with a clock the tests move. */
class RefreshHandlerTest {
    private static final String PATH = "/account/refresh";
    private static final String INVALID = "{\"detail\": \"Token is invalid or expired\", \"code\": \"token_not_valid\"}";
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";
    private static final String WRONG_TYPE = "{\"detail\": \"Token has wrong type\", \"code\": \"token_not_valid\"}";

    private static final TestStack STACK = TestStack.create();
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final EnvironmentWiring SERVICES = STACK.services(CLOCK);
    private static final Accounts ACCOUNTS = new Accounts(SERVICES);
    private static final RefreshHandler HANDLER = new RefreshHandler(SERVICES);
    /** One account for the token tests; each test starts its own login family with {@link Accounts#session}. */
    private static final User USER = ACCOUNTS.signUp(uniqueName("refresher"));

    @Test
    void aRefreshRotatesGivingANewAccessAndRefreshTokenEveryTime() {
        TokenPair login = ACCOUNTS.login(USER.username(), PASSWORD);

        APIGatewayV2HTTPResponse first = refresh(login.refresh());
        assertEquals(200, first.getStatusCode(), first.getBody());
        JsonNode body = Responses.json(first);
        assertEquals(List.of("access", "refresh"), fieldNames(body));
        String access = body.path("access").asText();
        String next = body.path("refresh").asText();
        assertNotEquals(login.refresh(), next, "rotation is always on");
        assertNotEquals(login.access(), access);
        assertEquals("access", Jwt.claims(access).path("token_type").asText());
        assertEquals("refresh", Jwt.claims(next).path("token_type").asText());
        assertEquals(USER.id(), Jwt.claims(access).path("user_id").asText());
        assertEquals(USER.id(), Jwt.claims(next).path("user_id").asText());

        assertEquals(200, refresh(next).getStatusCode(), "the new refresh token works in turn");
    }

    @Test
    void aSpentTokenPresentedAgainIsRefusedAndEveryNewerTokenOfItsLoginToo() {
        TokenPair login = ACCOUNTS.session(USER);
        String second = refreshedToken(login.refresh());
        String third = refreshedToken(second);
        TokenPair otherLogin = ACCOUNTS.session(USER);

        assertUnauthorized(refresh(login.refresh()), BLACKLISTED);
        assertUnauthorized(refresh(third), BLACKLISTED);
        assertUnauthorized(refresh(second), BLACKLISTED);
        assertEquals(200, refresh(otherLogin.refresh()).getStatusCode(), "another login of the same user is untouched");
    }

    // Simultaneous refreshes of one token: reliability/RefreshRaceTest (through a relay that serialises writes to
    // one item as DynamoDB does; moto alone does not).

    @Test
    void anAccessTokenHasTheWrongType() {
        assertUnauthorized(refresh(ACCOUNTS.session(USER).access()), WRONG_TYPE);
    }

    @Test
    void aRefreshTokenWorksUntilItExpires() {
        TokenPair early = ACCOUNTS.session(USER);
        TokenPair late = ACCOUNTS.session(USER);

        CLOCK.advance(Duration.ofDays(1).minusSeconds(1));
        assertEquals(200, refresh(early.refresh()).getStatusCode(), "one second before its expiry");
        CLOCK.advance(Duration.ofSeconds(2));
        assertUnauthorized(refresh(late.refresh()), INVALID);
    }

    @Test
    void tokensThatAreNotOursAreInvalid() throws Exception {
        TokenPair genuine = ACCOUNTS.session(USER);
        String kid = STACK.keys().currentKid();
        ObjectNode otherUser = (ObjectNode) Jwt.claims(genuine.refresh()).deepCopy();
        otherUser.put("user_id", "someone-else").put("sub", "someone-else");
        List<String> forgeries = List.of(
                "not-a-token",
                "a.b.c",
                Jwt.withClaims(genuine.refresh(), Json.write(otherUser)),
                Jwt.withAlgNone(genuine.refresh()),
                Jwt.resignedHs256(genuine.refresh(), STACK.keys().publicKey(kid).orElseThrow().getEncoded()),
                signedWith(Jwt.keyImpersonating(kid), ACCOUNTS.issuer()),
                signedWith(SigningKeySet.generate(), ACCOUNTS.issuer()),
                signedWith(STACK.keys(), "https://attacker.example"));

        for (String forged : forgeries) {
            APIGatewayV2HTTPResponse response = refresh(forged);
            assertUnauthorized(response, INVALID);
            Responses.assertDoesNotContain(response, forged);
        }
        assertEquals(200, refresh(genuine.refresh()).getStatusCode(), "the genuine token was never spent by the forgeries");
    }

    @Test
    void aMissingOrEmptyFieldIsA400() {
        assertAnswer(send(HttpApiEvent.post(PATH, "{}")), 400, "{\"refresh\": [\"This field is required.\"]}");
        assertAnswer(send(HttpApiEvent.post(PATH, "{\"refresh\": \"\"}")), 400, "{\"refresh\": [\"This field may not be blank.\"]}");
        assertAnswer(send(HttpApiEvent.post(PATH, "{\"refresh\": null}")), 400, "{\"refresh\": [\"This field may not be null.\"]}");
    }

    @Test
    void aLoggedOutTokenIsBlacklisted() {
        TokenPair login = ACCOUNTS.session(USER);
        ACCOUNTS.logout(USER, login.refresh());

        assertUnauthorized(refresh(login.refresh()), BLACKLISTED);
    }

    @Test
    void aDeletedAccountsTokensFailAndNeverWorkForANewAccountOfTheSameName() {
        String name = uniqueName("gone");
        User gone = ACCOUNTS.signUp(name);
        TokenPair login = ACCOUNTS.session(gone);
        ACCOUNTS.delete(gone);

        assertUnauthorized(refresh(login.refresh()), BLACKLISTED);

        User reborn = ACCOUNTS.signUp(name);
        assertNotEquals(gone.id(), reborn.id());
        assertUnauthorized(refresh(login.refresh()), BLACKLISTED);
        assertEquals(200, refresh(ACCOUNTS.session(reborn).refresh()).getStatusCode(), "the new account's own tokens work");
    }

    @TestFactory
    Stream<DynamicTest> badInputIsAnsweredAsTheContractSays() {
        return BadInput.table(PATH, RefreshHandlerTest::send, "{\"refresh\": 7}", "{\"refresh\": [\"Not a valid string.\"]}");
    }

    @Test
    void unreachableStorageIsA503AndTheTokenIsNotSpent() {
        String token = ACCOUNTS.session(USER).refresh();
        RefreshHandler cutOff = new RefreshHandler(Unreachable.dynamoDb(STACK).services(CLOCK));

        Responses.assertServiceUnavailable(cutOff.handleRequest(HttpApiEvent.post(PATH, refreshBody(token)).build(), null));

        assertEquals(200, refresh(token).getStatusCode(), "the token still works once storage is back");
    }

    private static String signedWith(SigningKeySet keys, String issuer) {
        var tokens = EnvironmentWiring.withKeys(STACK.env(), CLOCK, () -> keys).tokens();
        return tokens.issue(USER.id(), tokens.newFamily(), issuer).refresh();
    }

    private static String refreshedToken(String token) {
        APIGatewayV2HTTPResponse response = refresh(token);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Responses.json(response).path("refresh").asText();
    }

    private static APIGatewayV2HTTPResponse refresh(String token) {
        return send(HttpApiEvent.post(PATH, refreshBody(token)));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
