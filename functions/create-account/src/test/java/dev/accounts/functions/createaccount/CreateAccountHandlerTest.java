package dev.accounts.functions.createaccount;

import static dev.accounts.core.testing.Accounts.PASSWORD;
import static dev.accounts.core.testing.Accounts.body;
import static dev.accounts.core.testing.Accounts.uniqueName;
import static dev.accounts.core.testing.Responses.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.BadInput;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.Spellings;
import dev.accounts.core.testing.TestStack;
import dev.accounts.core.testing.Unreachable;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /account/create-account through its handler, against real DynamoDB tables: every rule of the contract. */
class CreateAccountHandlerTest {
    private static final String PATH = "/account/create-account";
    private static final String REQUIRED = "[\"This field is required.\"]";
    private static final String TAKEN = "{\"username\": [\"A user with that username already exists.\"]}";
    private static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";
    private static final String TOO_COMMON = "This password is too common.";
    private static final String NUMERIC = "This password is entirely numeric.";
    private static final String NAME_TOO_LONG = "Ensure this field has no more than 150 characters.";
    private static final String INVALID_USERNAME =
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";
    private static final String INVALID_EMAIL = "Enter a valid email address.";

    private static final TestStack STACK = TestStack.create();
    private static final EnvironmentWiring SERVICES = STACK.services();
    private static final CreateAccountHandler HANDLER = new CreateAccountHandler(SERVICES);

    @Test
    void createsTheAccountAndAnswersWithItsPublicFieldsOnly() {
        String username = uniqueName("Alice");
        APIGatewayV2HTTPResponse response = create("""
                {"username": "%s", "password": "%s", "email": "alice@example.com", "first_name": "Alice",
                 "last_name": "Liddell", "id": "chosen-by-client", "is_staff": true, "password_hash": "x"}"""
                .formatted(username, PASSWORD));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = Responses.json(response);
        String id = body.path("id").asText();
        assertNotEquals("chosen-by-client", id, "the id is the service's, never the client's");
        UUID.fromString(id);
        assertEquals(Responses.parse("""
                {"id": "%s", "username": "%s", "email": "alice@example.com", "first_name": "Alice",
                 "last_name": "Liddell"}""".formatted(id, username)), body);
        Responses.assertDoesNotContain(response, PASSWORD);
    }

    @Test
    void storesThePasswordOnlyAsAnArgon2idHashAtOrAboveOwaspsMinimum() {
        String id = Responses.json(create(body("username", uniqueName("hashed"), "password", PASSWORD)))
                .path("id").asText();

        String stored = SERVICES.users().findById(id).orElseThrow().passwordHash();
        Matcher phc = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[^$]+\\$[^$]+$").matcher(stored);
        assertTrue(phc.matches(), "a PHC-format Argon2id hash: " + stored);
        assertTrue(Integer.parseInt(phc.group(1)) >= 19 * 1024, "memory at least 19 MiB");
        assertTrue(Integer.parseInt(phc.group(2)) >= 2, "at least 2 iterations");
        assertTrue(Integer.parseInt(phc.group(3)) >= 1, "parallelism at least 1");
        assertFalse(stored.contains(PASSWORD));
    }

    @Test
    void absentOptionalFieldsComeBackAsEmptyStringsNeverNull() {
        String username = uniqueName("bob");
        APIGatewayV2HTTPResponse response = create(body("username", username, "password", PASSWORD));

        JsonNode body = assertAnswerIgnoringId(response, 201);
        assertEquals(Responses.parse("""
                {"username": "%s", "email": "", "first_name": "", "last_name": ""}""".formatted(username)), body);
    }

    @Test
    void theLongestAllowedNamesAndEveryAllowedUsernameCharacterAreAccepted() {
        String username = uniqueName("zoë.a+b-c@d");
        String longest = "é".repeat(150 - username.length()) + username;
        String first = "f".repeat(150);
        String last = "l".repeat(150);
        APIGatewayV2HTTPResponse response = create(body("username", longest, "password", PASSWORD,
                "first_name", first, "last_name", last));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = Responses.json(response);
        assertEquals(longest, body.path("username").asText(), "the spelling given is kept");
        assertEquals(first, body.path("first_name").asText());
        assertEquals(last, body.path("last_name").asText());
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        String expected = "{\"username\": " + REQUIRED + ", \"password\": " + REQUIRED + "}";
        assertAnswer(create("{}"), 400, expected);
        assertAnswer(HANDLER.handleRequest(HttpApiEvent.post(PATH, null).build(), null), 400, expected);
        assertAnswer(create("{\"email\": \"a@example.com\"}"), 400, expected);
    }

    @Test
    void everyFailingFieldIsReportedAtOnce() {
        APIGatewayV2HTTPResponse response = create(body("username", "not valid!", "password", "1234",
                "email", "not-an-email", "first_name", "f".repeat(151), "last_name", "l".repeat(151)));

        assertAnswer(response, 400, """
                {"username": ["%s"],
                 "password": ["%s", "%s", "%s"],
                 "email": ["%s"],
                 "first_name": ["%s"],
                 "last_name": ["%s"]}"""
                .formatted(INVALID_USERNAME, TOO_SHORT, TOO_COMMON, NUMERIC, INVALID_EMAIL, NAME_TOO_LONG, NAME_TOO_LONG));
    }

    static Stream<Arguments> badUsernames() {
        return Stream.of(
                Arguments.of("42", "Not a valid string."),
                Arguments.of("null", "This field may not be null."),
                Arguments.of("\"\"", "This field may not be blank."),
                Arguments.of(Json.write("a".repeat(151)), NAME_TOO_LONG),
                // 150 characters that NFKC expands to 2,700 (U+FDFA is one ligature of 18 letters)
                Arguments.of(Json.write("\uFDFA".repeat(150)), NAME_TOO_LONG),
                Arguments.of("\"with space\"", INVALID_USERNAME),
                Arguments.of("\"semi;colon\"", INVALID_USERNAME),
                Arguments.of("\"slash/\"", INVALID_USERNAME),
                Arguments.of("\"smile\uD83D\uDE00\"", INVALID_USERNAME),
                Arguments.of("\"new\\nline\"", INVALID_USERNAME),
                Arguments.of("\"trailing\\n\"", INVALID_USERNAME));
    }

    @ParameterizedTest(name = "username {0}: {1}")
    @MethodSource("badUsernames")
    void aBadUsernameIsRefusedWithItsMessage(String usernameJson, String message) {
        assertAnswer(create("{\"username\": " + usernameJson + ", \"password\": \"" + PASSWORD + "\"}"),
                400, "{\"username\": [" + Json.write(message) + "]}");
    }

    static Stream<Arguments> badPasswords() {
        return Stream.of(
                Arguments.of("Zq7#kp", List.of(TOO_SHORT)),
                Arguments.of("Zq7#kpW", List.of(TOO_SHORT)),
                Arguments.of("Zq7#kpWm".repeat(16) + "x", List.of("Ensure this field has no more than 128 characters.")),
                Arguments.of("iloveyou", List.of(TOO_COMMON)),
                Arguments.of("PassWord ", List.of(TOO_COMMON)),
                Arguments.of("9483712650918", List.of(NUMERIC)),
                Arguments.of("1234", List.of(TOO_SHORT, TOO_COMMON, NUMERIC)));
    }

    @ParameterizedTest(name = "password {0}: {1}")
    @MethodSource("badPasswords")
    void aBadPasswordIsRefusedWithEveryRuleItBreaks(String password, List<String> messages) {
        assertAnswer(create(body("username", uniqueName("pw"), "password", password)),
                400, "{\"password\": " + Json.write(messages) + "}");
    }

    @Test
    void aPasswordTooSimilarToTheUsernameOrEmailIsRefused() {
        assertAnswer(create(body("username", "marjoribanks", "password", "Marjoribanks7")),
                400, "{\"password\": [\"The password is too similar to the username.\"]}");
        assertAnswer(create(body("username", uniqueName("u"), "password", "cornelius1", "email", "cornelius@example.com")),
                400, "{\"password\": [\"The password is too similar to the email address.\"]}");
    }

    static Stream<Arguments> badEmails() {
        return Stream.of(
                Arguments.of("\"not-an-email\"", INVALID_EMAIL),
                Arguments.of("\"a@b\"", INVALID_EMAIL),
                Arguments.of("\"a@@example.com\"", INVALID_EMAIL),
                Arguments.of("\"two words@example.com\"", INVALID_EMAIL),
                Arguments.of(Json.write("a".repeat(243) + "@example.com"), INVALID_EMAIL),
                Arguments.of("7", "Not a valid string."),
                Arguments.of("null", "This field may not be null."));
    }

    @ParameterizedTest(name = "email {0}: {1}")
    @MethodSource("badEmails")
    void aBadEmailIsRefused(String emailJson, String message) {
        assertAnswer(create("{\"username\": \"" + uniqueName("mail") + "\", \"password\": \"" + PASSWORD
                + "\", \"email\": " + emailJson + "}"), 400, "{\"email\": [" + Json.write(message) + "]}");
    }

    @Test
    void namesLongerThan150CharactersOrNotStringsAreRefused() {
        assertAnswer(create(body("username", uniqueName("n"), "password", PASSWORD, "first_name", "é".repeat(151))),
                400, "{\"first_name\": [\"" + NAME_TOO_LONG + "\"]}");
        assertAnswer(create("{\"username\": \"" + uniqueName("n") + "\", \"password\": \"" + PASSWORD
                + "\", \"last_name\": [\"Liddell\"]}"), 400, "{\"last_name\": [\"Not a valid string.\"]}");
    }

    @Test
    void usernamesAreUniqueAcrossCaseAndNfkc() {
        String name = uniqueName("Alice");
        assertEquals(201, create(body("username", name, "password", PASSWORD)).getStatusCode());

        assertAnswer(create(body("username", name.toLowerCase(), "password", PASSWORD)), 400, TAKEN);
        assertAnswer(create(body("username", name.toUpperCase(), "password", PASSWORD)), 400, TAKEN);
        assertAnswer(create(body("username", Spellings.fullwidth(name), "password", PASSWORD)), 400, TAKEN);
    }

    @Test
    void caseFoldingTakesEszettAsDoubleS() {
        String suffix = uniqueName("");
        assertEquals(201, create(body("username", "straße" + suffix, "password", PASSWORD)).getStatusCode());

        assertAnswer(create(body("username", "STRASSE" + suffix.toUpperCase(), "password", PASSWORD)), 400, TAKEN);
    }

    // Simultaneous sign-ups for one name: reliability/SignUpRaceTest (through a relay that serialises writes to
    // one item as DynamoDB does; moto alone does not).

    @TestFactory
    Stream<DynamicTest> badInputIsAnsweredAsTheContractSays() {
        return BadInput.table(PATH, CreateAccountHandlerTest::send,
                "{\"username\": 42, \"password\": \"" + PASSWORD + "\"}",
                "{\"username\": [\"Not a valid string.\"]}");
    }

    @Test
    void unreachableStorageIsA503AndNothingIsCreated() {
        String name = uniqueName("outage");
        CreateAccountHandler cutOff = new CreateAccountHandler(Unreachable.dynamoDb(STACK).services());

        Responses.assertServiceUnavailable(cutOff.handleRequest(
                HttpApiEvent.post(PATH, body("username", name, "password", PASSWORD)).build(), null));

        assertEquals(201, create(body("username", name, "password", PASSWORD)).getStatusCode(),
                "the name is still free once storage is back");
    }

    private static APIGatewayV2HTTPResponse create(String json) {
        return send(HttpApiEvent.post(PATH, json));
    }

    private static APIGatewayV2HTTPResponse send(HttpApiEvent event) {
        return HANDLER.handleRequest(event.build(), null);
    }

    /** The status and body without `id`, which is new each time; checks that `id` is present and non-empty. */
    private static JsonNode assertAnswerIgnoringId(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        ObjectNode body = (ObjectNode) Responses.json(response);
        assertFalse(body.path("id").asText().isEmpty(), "an id: " + body);
        body.remove("id");
        return body;
    }
}
