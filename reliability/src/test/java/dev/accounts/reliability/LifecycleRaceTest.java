package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.User;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.SentEmails;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.functions.passwordreset.PasswordResetHandler;
import dev.accounts.functions.passwordresetconfirm.PasswordResetConfirmHandler;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's single-use rules under parallel requests, each served by its own execution environment through
 * the relay that keeps DynamoDB requests atomic: one reset token, one password; one e-mail per minute.
 */
class LifecycleRaceTest {
    private static final int ENVIRONMENTS = Parallel.THREADS;

    private static TestStack stack;
    private static DynamoRelay relay;
    private static List<EnvironmentWiring> environments;
    private static SentEmails sent;

    @BeforeAll
    static void environments() {
        stack = TestStack.create().withMail("none");
        relay = DynamoRelay.oneRequestAtATime(stack.engine().endpoint());
        TestStack throughRelay = stack.with("DYNAMODB_ENDPOINT", relay.endpoint());
        environments = IntStream.range(0, ENVIRONMENTS).mapToObj(i -> throughRelay.services(Clock.systemUTC())).toList();
        sent = stack.sentEmails();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void ofSimultaneousConfirmsWithOneTokenExactlyOneSetsItsPassword() {
        User user = signUp();
        environments.get(0).passwordReset().request(Json.MAPPER.createObjectNode().put("email", user.email()));
        SentEmails.Sent mail = sent.onlyTo(user.email());

        List<APIGatewayV2HTTPResponse> answers = Parallel.run(ENVIRONMENTS, i ->
                new PasswordResetConfirmHandler(environments.get(i)).handleRequest(HttpApiEvent.post(
                        "/account/password-reset/confirm", Accounts.body("uid", mail.linkParameter("uid"),
                                "token", mail.linkParameter("token"), "new_password", password(i))).build(), null));

        List<Integer> winners = IntStream.range(0, ENVIRONMENTS)
                .filter(i -> answers.get(i).getStatusCode() == 200).boxed().toList();
        assertEquals(1, winners.size(), () -> "exactly one confirm wins: " + SignUpRaceTest.statuses(answers));
        answers.stream().filter(a -> a.getStatusCode() != 200)
                .forEach(lost -> Responses.assertAnswer(lost, 400, "{\"token\": [\"Invalid value\"]}"));
        Accounts accounts = new Accounts(environments.get(0));
        accounts.login(user.username(), password(winners.get(0)));
        // One loser's password is enough (each wrong one counts towards the lockout).
        String loser = password(winners.get(0) == 0 ? 1 : 0);
        Responses.assertRefused(() -> accounts.login(user.username(), loser), 401);
    }

    @Test
    void simultaneousResetRequestsSendOneEmail() {
        User user = signUp();
        List<APIGatewayV2HTTPResponse> answers = Parallel.run(ENVIRONMENTS, i ->
                new PasswordResetHandler(environments.get(i)).handleRequest(HttpApiEvent.post("/account/password-reset",
                        Accounts.body("email", user.email())).build(), null));
        answers.forEach(answer -> Responses.assertAnswer(answer, 200,
                "{\"detail\": \"Password reset e-mail has been sent.\"}"));
        assertEquals(1, sent.to(user.email()).size(), "one e-mail a minute, however many ask at once");
    }

    private static String password(int i) {
        return "parallel-Orchid-" + (i + 10) + "-harbor";
    }

    private static User signUp() {
        return environments.get(0).createAccount().create(Json.MAPPER.createObjectNode()
                .put("username", Accounts.uniqueName("race")).put("password", Accounts.PASSWORD)
                .put("email", "race-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com"));
    }
}
