package dev.accounts.reliability;

import static dev.accounts.core.testing.Responses.assertServiceUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.aws.AwsClients;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.token.TokenPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * DynamoDB failing under the functions, through a {@link DynamoRelay} in front of the real engine: every
 * answer is the contract's 503 with Retry-After and a JSON body, nothing is half-written, a refresh that
 * failed leaves its token either usable or revoked (never both), and all is well once the engine answers again.
 */
class StorageFaultsTest {
    /** Past the SDK's 1.5 s per attempt (AwsClients), so every attempt times out. */
    private static final Duration PAST_ATTEMPT_TIMEOUT = Duration.ofMillis(2500);
    private static final String BLACKLISTED = "{\"detail\": \"Token is blacklisted\", \"code\": \"token_not_valid\"}";

    private static TestStack stack;
    private static DynamoRelay relay;
    private static Accounts healthy;

    /** Handlers whose DynamoDB endpoint is the faulty one; new per test, so no SDK retry quota carries over. */
    private Handlers handlers;

    @BeforeAll
    static void engine() {
        stack = TestStack.create();
        relay = DynamoRelay.inFrontOf(stack.engine().endpoint());
        healthy = new Accounts(stack.services(Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @BeforeEach
    void handlers() {
        relay.start();
        relay.forward();
        handlers = new Handlers(stack.with("DYNAMODB_ENDPOINT", relay.endpoint()).services(Clock.systemUTC()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProvisionedThroughputExceededException", "ThrottlingException"})
    void throttledWritesAre503AfterRetriesAndLeaveNothingHalfWritten(String errorType) {
        String name = Accounts.uniqueName("throttled");
        TokenPair login = healthy.session(healthy.signUp(Accounts.uniqueName("throttled_owner")));
        relay.throttle(errorType, DynamoRelay.TRANSACT_WRITE);
        relay.takeSeen();

        assertServiceUnavailable(timed("sign-up, " + errorType + " on its write", () -> handlers.signUp(name, Accounts.PASSWORD)));
        long writeAttempts = relay.takeSeen().stream().filter(DynamoRelay.TRANSACT_WRITE::equals).count();
        assertEquals(AwsRetryStrategy.forRetryMode(AwsClients.RETRY_MODE).maxAttempts(), writeAttempts,
                "the SDK's retry mode tries the write as often as it may before giving up");
        assertNothingStoredFor(name);

        relay.throttle(errorType, DynamoRelay.UPDATE);
        relay.takeSeen();
        assertServiceUnavailable(timed("refresh, " + errorType + " on its write", () -> handlers.refresh(login.refresh())));
        assertEquals(AwsRetryStrategy.forRetryMode(AwsClients.RETRY_MODE).maxAttempts(),
                relay.takeSeen().stream().filter(DynamoRelay.UPDATE::equals).count(), "the spend's write, retried");
        assertTrue(revokedItems().familyGeneration(login.refreshClaims().family()).isEmpty(), "the token was not spent");

        relay.forward();
        assertEquals(201, handlers.signUp(name, Accounts.PASSWORD).getStatusCode(), "the name was left free");
        assertEquals(200, handlers.refresh(login.refresh()).getStatusCode(), "the token was left usable");
    }

    @Test
    void everyReadThrottledIs503() {
        User user = healthy.signUp(Accounts.uniqueName("read_throttled"));
        TokenPair login = healthy.session(user);
        relay.throttle("ProvisionedThroughputExceededException", null);

        assertEveryStorageEndpointUnavailable(user, login);

        relay.forward();
        assertEquals(200, handlers.refresh(login.refresh()).getStatusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThrottlingError", "TransactionConflict"})
    void transactionsCancelledForAnotherReasonThanALostConditionAre503(String reason) {
        String name = Accounts.uniqueName("cancelled");
        TokenPair login = healthy.session(healthy.signUp(Accounts.uniqueName("cancelled_owner")));
        relay.cancelTransactions(reason);

        assertServiceUnavailable(handlers.signUp(name, Accounts.PASSWORD));
        assertNothingStoredFor(name);
        // refresh makes no transaction: its token is untouched by the cancellations
        assertEquals(200, handlers.refresh(login.refresh()).getStatusCode(), "the token was left usable");

        relay.forward();
        assertEquals(201, handlers.signUp(name, Accounts.PASSWORD).getStatusCode(), "the name was left free");
    }

    @Test
    void endpointDownIs503EverywhereAndAllRecoversWhenItIsBack() {
        User user = healthy.signUp(Accounts.uniqueName("endpoint_down"));
        TokenPair login = healthy.session(user);
        String name = Accounts.uniqueName("while_down");
        relay.stop();

        assertEveryStorageEndpointUnavailable(user, login);
        assertServiceUnavailable(timed("sign-up, endpoint down", () -> handlers.signUp(name, Accounts.PASSWORD)));

        relay.start();
        assertNothingStoredFor(name);
        assertEquals(200, handlers.refresh(login.refresh()).getStatusCode(), "the token was left usable");
        assertEquals(201, handlers.signUp(name, Accounts.PASSWORD).getStatusCode());
        assertEquals(200, handlers.login(user.username(), Accounts.PASSWORD).getStatusCode());
    }

    @Test
    void anEngineThatDoesNotAnswerIs503WithinTheCallTimeoutAndNothingIsWritten() {
        String name = Accounts.uniqueName("hung");
        TokenPair login = healthy.session(healthy.signUp(Accounts.uniqueName("hung_owner")));
        relay.hang(PAST_ATTEMPT_TIMEOUT);

        assertServiceUnavailable(timed("refresh, engine not answering", () -> handlers.refresh(login.refresh())));
        assertServiceUnavailable(timed("sign-up, engine not answering", () -> handlers.signUp(name, Accounts.PASSWORD)));

        relay.forward();
        assertNothingStoredFor(name);
        assertEquals(200, handlers.refresh(login.refresh()).getStatusCode(), "the token was left usable");
    }

    /**
     * The spend commits and its answer is lost: the client is told 503 and retries as told. Its retry comes within
     * the grace window, so it is refused (the token is spent) but not taken as theft: the login is not revoked.
     */
    @Test
    void aSpendWhoseAnswerIsLostIsRetriedWithoutEndingTheLogin() {
        TokenPair login = healthy.session(healthy.signUp(Accounts.uniqueName("late_answer")));
        relay.answerLate(PAST_ATTEMPT_TIMEOUT, DynamoRelay.UPDATE);

        assertServiceUnavailable(timed("refresh, answer lost after the write", () -> handlers.refresh(login.refresh())));

        relay.forward();
        assertEquals(1, revokedItems().familyGeneration(login.refreshClaims().family()).orElse(0),
                "the engine did spend the token (its login moved to the next generation)");
        Responses.assertUnauthorized(handlers.refresh(login.refresh()), BLACKLISTED);
        Responses.assertUnauthorized(handlers.verify(login.refresh()), BLACKLISTED);
        assertFalse(revokedItems().familyRevoked(login.refreshClaims().family()),
                "a retry within the grace window is not theft: the login is not revoked");
    }

    /**
     * The spend commits and only its first attempt's answer is lost: the SDK's retry of the same update meets the
     * generation that attempt set, under the same spend id, and the refresh succeeds once (on DynamoDB as on moto,
     * unlike a transaction's ClientRequestToken, which moto ignores).
     */
    @Test
    void theSdksRetryOfASpendWhoseFirstAnswerWasLostIsThatSpend() {
        TokenPair login = healthy.session(healthy.signUp(Accounts.uniqueName("retried_spend")));
        relay.answerLateOnce(PAST_ATTEMPT_TIMEOUT, DynamoRelay.UPDATE);
        relay.takeSeen();

        APIGatewayV2HTTPResponse refresh = timed("refresh, first answer lost", () -> handlers.refresh(login.refresh()));

        assertEquals(200, refresh.getStatusCode(), refresh::getBody);
        assertEquals(2, relay.takeSeen().stream().filter(DynamoRelay.UPDATE::equals).count(), "the SDK retried the write");
        assertEquals(1, revokedItems().familyGeneration(login.refreshClaims().family()).orElse(0), "spent once");
        String next = Responses.json(refresh).path("refresh").asText();
        assertEquals(200, handlers.refresh(next).getStatusCode(), "the login was not taken for stolen");
        Responses.assertUnauthorized(handlers.refresh(login.refresh()), BLACKLISTED);
    }

    @Test
    void signingKeysUnreachableBeforeAnyWereReadIs503UntilTheyCanBeRead() {
        TokenPair login = healthy.session(healthy.signUp(Accounts.uniqueName("keys_unreachable")));
        // The relay speaks to the engine, which serves Secrets Manager too: stopped, the secret cannot be read.
        Handlers keyless = new Handlers(stack.with("SECRETSMANAGER_ENDPOINT", relay.endpoint())
                .servicesReadingSecret(Clock.systemUTC()));
        relay.stop();

        assertServiceUnavailable(keyless.jwks());
        assertServiceUnavailable(keyless.refresh(login.refresh()));

        relay.start();
        assertEquals(200, keyless.jwks().getStatusCode());
        assertEquals(200, keyless.refresh(login.refresh()).getStatusCode(), "the token was left usable");
    }

    /** Every endpoint that reads or writes storage: sign-up's name check, login, refresh, logout, delete, verify. */
    private void assertEveryStorageEndpointUnavailable(User user, TokenPair login) {
        assertServiceUnavailable(timed("login", () -> handlers.login(user.username(), Accounts.PASSWORD)));
        assertServiceUnavailable(timed("refresh", () -> handlers.refresh(login.refresh())));
        assertServiceUnavailable(timed("logout", () -> handlers.logout(login.access(), login.refresh())));
        assertServiceUnavailable(timed("delete", () -> handlers.deleteAccount(login.access(), user.id())));
        assertServiceUnavailable(timed("verify", () -> handlers.verify(login.access())));
        assertEquals(200, handlers.jwks().getStatusCode(), "key discovery needs no table");
    }

    private static void assertNothingStoredFor(String username) {
        StoredItems users = StoredItems.scan(stack.dynamoDb(), stack.usersTable());
        String key = Usernames.key(username);
        assertFalse(users.has("NAME#" + key), "no name claim left behind");
        assertEquals(List.of(), users.where("USER#", "username_key", key), "no orphan account left behind");
    }

    private static StoredItems revokedItems() {
        return StoredItems.scan(stack.dynamoDb(), stack.revokedTokensTable());
    }

    /** Runs one request and prints how long the failure took to arrive, for docs/RELIABILITY.md. */
    private static APIGatewayV2HTTPResponse timed(String what, Supplier<APIGatewayV2HTTPResponse> request) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = request.get();
        System.out.printf("fault timing: %s -> %d in %d ms%n", what, response.getStatusCode(),
                (System.nanoTime() - started) / 1_000_000);
        return response;
    }
}
