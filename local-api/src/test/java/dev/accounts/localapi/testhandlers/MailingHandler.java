package dev.accounts.localapi.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;

/**
 * Sends the e-mail its body describes ({"to", "subject", "link"}) from MAIL_FROM through SES_ENDPOINT, as the
 * service's mailing functions do, with the link in a text and an HTML part; answers with the two variables.
 */
public final class MailingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> environment;

    public MailingHandler(EnvironmentWiring wiring) {
        this.environment = wiring.environment();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            JsonNode request = JSON.readTree(event.getBody());
            String link = request.path("link").asText();
            Body body = Body.builder()
                    .text(c -> c.data("Follow " + link))
                    .html(c -> c.data("<a href=\"" + link.replace("&", "&amp;") + "\">Follow</a>"))
                    .build();
            try (SesV2Client ses = client()) {
                ses.sendEmail(r -> r.fromEmailAddress(environment.get("MAIL_FROM"))
                        .destination(d -> d.toAddresses(request.path("to").asText()))
                        .content(c -> c.simple(m -> m.subject(s -> s.data(request.path("subject").asText())).body(body))));
            }
            Map<String, String> answer = new java.util.TreeMap<>();
            answer.put("MAIL_FROM", environment.get("MAIL_FROM"));
            answer.put("SES_ENDPOINT", environment.get("SES_ENDPOINT"));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(answer)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SesV2Client client() {
        return SesV2Client.builder()
                .endpointOverride(URI.create(environment.get("SES_ENDPOINT")))
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
