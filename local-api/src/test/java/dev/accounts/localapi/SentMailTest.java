package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no configuration the local API gives its mailing functions a verified sender and prints what they send. */
class SentMailTest {

    private static Path template;

    @BeforeAll
    static void needsMoto() throws URISyntaxException {
        assumeTrue(dev.accounts.devkit.DynamoEndpoints.whyUnavailable().isEmpty(), "no local engine");
        template = Path.of(SentMailTest.class.getResource("/mail-template.yaml").toURI());
    }

    @Test
    void printsEveryEMailSentWithRecipientSubjectAndLink() throws Exception {
        TestSupport.Console console = new TestSupport.Console();
        try (LocalApi api = TestSupport.startTestApi(template, console)) {
            assertTrue(console.text().contains("senders [accounts@localhost.test] verified"), console.text());
            String link = "https://example.com/reset-password?uid=0b7c&token=Zm9v";
            HttpResponse<String> response = send(request(api, "/mail")
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"alice@example.com\",\"subject\":\"Reset your password\","
                            + "\"link\":\"" + link + "\"}")).build());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode environment = json(response);
            assertEquals(LocalSenders.LOCAL_SENDER, environment.path("MAIL_FROM").asText());
            assertEquals(api.storage().mail().orElseThrow().endpoint(), environment.path("SES_ENDPOINT").asText());

            String expected = "E-mail to alice@example.com: \"Reset your password\" " + link;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!console.text().contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(console.text().contains(expected), console.text());
            assertEquals(1, console.text().split("E-mail to ", -1).length - 1, "printed once: " + console.text());
        }
    }

    @Test
    void anEmptyMailFromStartsNoMailServerAndGivesNoEndpoint() {
        TestSupport.Console console = new TestSupport.Console();
        LocalApiOptions options = new LocalApiOptions(template, "127.0.0.1", 0, Map.of("MailFrom", ""));
        try (LocalApi api = LocalApi.start(options, System.getenv(), console.stream)) {
            assertTrue(api.storage().mail().isEmpty());
            assertFalse(console.text().contains("Mail:"), console.text());
            Map<String, String> environment = FunctionEnvironment.build(
                    api.functions().get("MailingFunction").spec(), api.storage(), console.stream);
            assertEquals("", environment.get("MAIL_FROM"));
            assertFalse(environment.containsKey(LocalSenders.SES_ENDPOINT_VARIABLE));
        }
    }
}
