package dev.accounts.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.Spellings;
import dev.accounts.core.testing.TestStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "Two simultaneous requests for one name: exactly one wins", taken to 50 at once, on the real engine through
 * the handlers; then the table is scanned: one account and one name claim, pointing at each other.
 */
class SignUpRaceTest {
    private static final int SIGN_UPS = 50;
    private static final String TAKEN = "{\"username\": [\"" + Usernames.TAKEN + "\"]}";

    private TestStack stack;
    private Fleet fleet;

    /** Fresh tables per test, so a scan sees only what that race wrote. */
    @BeforeEach
    void stack() {
        stack = TestStack.create();
        fleet = new Fleet(stack, Parallel.THREADS);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void fiftySignUpsForOneNameMakeExactlyOneAccount() {
        String name = Accounts.uniqueName("race");
        List<APIGatewayV2HTTPResponse> answers = Parallel.run(SIGN_UPS,
                i -> fleet.serving(i).signUp(name, Accounts.PASSWORD));

        String winnerId = assertOneCreatedRestTaken(answers);
        assertOneAccountStored(Usernames.key(name), winnerId);
    }

    @Test
    void fiftySignUpsForOneNameSpelledApartByCaseAndNormalisationMakeExactlyOneAccount() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // ß folds to ss, the ligature ﬁ and fullwidth letters normalise to ASCII, the Kelvin sign K to k.
        List<String> spellings = List.of(
                "straße_fi_k_" + suffix,
                ("STRASSE_FI_K_" + suffix).toUpperCase(),
                "Strasse_\uFB01_\u212A_" + suffix,
                Spellings.fullwidth("strasse_fi_k_" + suffix),
                "sTrAsSe_Fi_K_" + suffix);
        String key = Usernames.key(spellings.get(0));
        spellings.forEach(spelling -> {
            assertEquals(null, Usernames.problem(spelling), spelling + " is a valid username on its own");
            assertEquals(key, Usernames.key(spelling), spelling + " is the same account as " + spellings.get(0));
        });

        List<APIGatewayV2HTTPResponse> answers = Parallel.run(SIGN_UPS,
                i -> fleet.serving(i).signUp(spellings.get(i % spellings.size()), Accounts.PASSWORD));

        String winnerId = assertOneCreatedRestTaken(answers);
        assertOneAccountStored(key, winnerId);
    }

    /** One 201 and 49 of the contract's "already exists"; returns the winner's id. */
    private String assertOneCreatedRestTaken(List<APIGatewayV2HTTPResponse> answers) {
        List<APIGatewayV2HTTPResponse> created = answers.stream().filter(a -> a.getStatusCode() == 201).toList();
        assertEquals(1, created.size(), () -> "exactly one sign-up wins: " + statuses(answers));
        answers.stream().filter(a -> a.getStatusCode() != 201).forEach(lost -> Responses.assertAnswer(lost, 400, TAKEN));
        return Responses.json(created.get(0)).path("id").asText();
    }

    private void assertOneAccountStored(String usernameKey, String winnerId) {
        StoredItems users = StoredItems.scan(stack.dynamoDb(), stack.usersTable());
        List<Map<String, AttributeValue>> accounts = users.where("USER#", "username_key", usernameKey);
        assertEquals(1, accounts.size(), "one account stored for the name: " + accounts);
        assertEquals(winnerId, StoredItems.text(accounts.get(0), "user_id"), "the stored account is the winner's");
        List<Map<String, AttributeValue>> claims = users.withKey("NAME#" + usernameKey);
        assertEquals(1, claims.size(), "one name claim");
        assertEquals(winnerId, StoredItems.text(claims.get(0), "user_id"), "the claim points at the winner's account");
        assertEquals(2, users.size(), "nothing else was written (no orphan account of a losing sign-up): "
                + users.size() + " items");
    }

    static String statuses(List<APIGatewayV2HTTPResponse> answers) {
        return answers.stream().map(a -> Integer.toString(a.getStatusCode())).toList().toString();
    }
}
