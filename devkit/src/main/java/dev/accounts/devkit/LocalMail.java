package dev.accounts.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * A local SES (API v2) for tests and the local API: senders made sendable, and the messages sent, read back.
 * moto refuses SendEmail from an address that is no identity of its SES, as SES does, and verifies an identity
 * as soon as it is created; it keeps what it sends in memory and shows it in {@code /moto-api/data.json}.
 * <p>
 * That page lists every object the server holds, of every service, so the mail gets a moto_server of its own
 * ({@link #start()}): beside 500 DynamoDB items it took 12 s to read, on a mail-only server 500 messages take
 * under 0.1 s.
 */
public final class LocalMail implements AutoCloseable {

    /** A link as the e-mails carry it: an href's value in HTML, else the first URL of the text. */
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalMail shared;

    private final String endpoint;
    private final URI modelData;
    private final AutoCloseable stopper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalMail(String endpoint, AutoCloseable stopper) {
        this.endpoint = endpoint;
        this.modelData = URI.create(endpoint + "/moto-api/data.json");
        this.stopper = stopper;
    }

    /** A moto_server of its own for the mail; {@link #close()} stops it. */
    public static LocalMail start() {
        MotoServer moto = MotoServer.start();
        return new LocalMail(moto.endpoint(), moto);
    }

    /** The SES of a moto_server someone else runs (e.g. SES_ENDPOINT); {@link #close()} leaves it running. */
    public static LocalMail at(String endpoint) {
        return new LocalMail(endpoint, () -> { });
    }

    /** One mail server per JVM, started on first use and stopped when the JVM exits (as DynamoEndpoints.shared). */
    public static synchronized LocalMail shared() {
        if (shared == null) {
            LocalMail mail = start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "local-mail-stop"));
            shared = mail;
        }
        return shared;
    }

    /** One message as the engine kept it. {@code body}: the HTML part when there is one, else the text part
     * (moto keeps one of the two); {@code to}: every recipient (To, Cc, Bcc). */
    public record Message(String id, String from, List<String> to, String subject, String body) {

        /** The message's link, with HTML's {@code &amp;} undone: the first href, else the first URL. */
        public Optional<String> link() {
            Matcher href = HREF.matcher(body);
            if (href.find()) {
                return Optional.of(href.group(1).replace("&amp;", "&"));
            }
            Matcher url = URL.matcher(body);
            return url.find() ? Optional.of(url.group().replace("&amp;", "&")) : Optional.empty();
        }

        /** The query parameters of {@link #link()}, decoded (e.g. uid and token of a reset link); empty without a link. */
        public Map<String, String> linkParameters() {
            Map<String, String> values = new LinkedHashMap<>();
            String query = link().map(l -> URI.create(l).getRawQuery()).orElse(null);
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] nameAndValue = pair.split("=", 2);
                    values.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                            nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
                }
            }
            return values;
        }
    }

    /** The endpoint for an SES client (the functions' SES_ENDPOINT), e.g. {@code http://127.0.0.1:50123}. */
    public String endpoint() {
        return endpoint;
    }

    /** An SES v2 client of this server, in the local engines' region, with their dummy credentials. */
    public SesV2Client sesClient() {
        return SesV2Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(LocalEngine.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalEngine.ACCESS_KEY, LocalEngine.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Makes {@code address} a verified identity, so it may send; again for the same address changes nothing. */
    public void verifySender(String address) {
        try (SesV2Client ses = sesClient()) {
            ses.createEmailIdentity(r -> r.emailIdentity(address));
        } catch (AlreadyExistsException alreadyThere) {
            // a test run again, or a second local API on one server: the identity is there
        }
    }

    /** Every message sent so far, in the order sent. */
    public List<Message> sent() {
        List<Message> sent = new ArrayList<>();
        for (JsonNode message : modelData().path("ses").path("Message")) {
            List<String> to = new ArrayList<>();
            message.path("destinations").forEach(kind -> kind.forEach(address -> to.add(address.asText())));
            sent.add(new Message(message.path("id").asText(), message.path("source").asText(), List.copyOf(to),
                    message.path("subject").asText(), message.path("body").asText()));
        }
        return sent;
    }

    /** The messages sent to {@code address} (compared case-insensitively), in the order sent. */
    public List<Message> sentTo(String address) {
        return sent().stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    private JsonNode modelData() {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(modelData).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the sent e-mails at " + modelData + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the sent e-mails", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(modelData + " answered " + response.statusCode()
                    + ": reading sent e-mails back needs moto_server (its /moto-api/data.json)");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(modelData + " is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the mail server at " + endpoint, e);
        }
    }
}
