package dev.accounts.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mails the local engine's SES accepted, read back as a user reads them: moto keeps each message (the HTML
 * body where there is one) and lists them in its state dump, /moto-api/data.json.
 */
public final class SentEmails {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    private final URI dump;

    SentEmails(String endpoint) {
        this.dump = URI.create(endpoint + "/moto-api/data.json");
    }

    /** One e-mail as received. */
    public record Sent(String to, String from, String subject, String body) {
        /** The first link in the body, as a user would click it. */
        public URI link() {
            Matcher matcher = LINK.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no link in the e-mail to " + to + ": " + body);
            }
            return URI.create(matcher.group(1).replace("&amp;", "&"));
        }

        /** A query parameter of the link (uid, token, key). */
        public String linkParameter(String name) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : link().getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            String value = parameters.get(name);
            if (value == null) {
                throw new AssertionError("the link has no " + name + ": " + link());
            }
            return value;
        }
    }

    /** Every e-mail sent to `address` so far, oldest first. */
    public List<Sent> to(String address) {
        List<Sent> found = new ArrayList<>();
        for (JsonNode message : read().path("ses").path("Message")) {
            for (JsonNode recipient : message.path("destinations").path("ToAddresses")) {
                if (recipient.asText().equals(address)) {
                    found.add(new Sent(address, message.path("source").asText(), message.path("subject").asText(),
                            message.path("body").asText()));
                }
            }
        }
        return found;
    }

    /** The only e-mail sent to `address`; fails when there is none or more than one. */
    public Sent onlyTo(String address) {
        List<Sent> sent = to(address);
        if (sent.size() != 1) {
            throw new AssertionError("expected one e-mail to " + address + ", found " + sent.size() + ": " + sent);
        }
        return sent.get(0);
    }

    private JsonNode read() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(dump).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot read the engine's sent e-mails at " + dump, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
