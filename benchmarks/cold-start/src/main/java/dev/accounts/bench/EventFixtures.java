package dev.accounts.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.account.User;
import dev.accounts.core.contract.StorageUnavailableException;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.devkit.EventPlaceholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns events/&lt;function&gt;.json into an event that succeeds, once per invocation, by preparing the state
 * it needs through the core (see {@link BenchmarkUsers} and {@link MailedSecrets}):
 * <ul>
 *   <li>placeholders REPLACE_WITH_USER_ID / _ACCESS_TOKEN / _REFRESH_TOKEN: a new user and a new login's
 *       token pair for it; change-password's user has the body's old_password;</li>
 *   <li>REPLACE_WITH_RESET_TOKEN / _VERIFICATION_KEY: a live token or key of that user, as the e-mail would carry
 *       it (verify-email's user has an address of its own);</li>
 *   <li>password-reset, resend-email: the body's address is a new user's own, so every invocation finds one
 *       account and sends one e-mail within its quota (one a minute per account);</li>
 *   <li>create-account: the user named in the body is removed first, so the sign-up is new each time;</li>
 *   <li>login: the user named in the body exists with the body's password.</li>
 * </ul>
 * Everything else in the event is sent as written.
 */
final class EventFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREPARE_ATTEMPTS = 6;
    private static final String EMAIL = "EMAIL";
    private static final String EMAIL_PLACEHOLDER = EventPlaceholders.PREFIX + EMAIL;

    private final EnvironmentWiring services;
    private final BenchmarkUsers users;
    private final MailedSecrets secrets;
    private final Path eventsDirectory;

    EventFixtures(EnvironmentWiring services, Path eventsDirectory) {
        this.services = services;
        this.users = new BenchmarkUsers(services);
        this.secrets = new MailedSecrets(services);
        this.eventsDirectory = eventsDirectory;
    }

    Path eventFile(String function) {
        return eventsDirectory.resolve(function + ".json");
    }

    /** A source of ready events for the function: each call prepares state for one more invocation. */
    Supplier<String> invocations(String function) {
        String text = read(eventFile(function));
        return () -> preparePatiently(function, text);
    }

    /** The event as written, for the baselines, which read nothing from it. */
    Supplier<String> verbatim(String function) {
        String text = read(eventFile(function));
        return () -> text;
    }

    /**
     * Preparing is not measured, and the local engine slows down as a long run fills its tables (moto copies a table
     * for each transaction): a storage failure here is retried after a pause rather than failing the run.
     */
    private String preparePatiently(String function, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                return prepare(function, text);
            } catch (StorageUnavailableException e) {
                if (attempt == PREPARE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(Duration.ofSeconds(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    String prepare(String function, String text) {
        JsonNode event = parse(text);
        return switch (function) {
            case "create-account" -> {
                users.ensureAbsent(bodyField(event, "username"));
                yield text;
            }
            case "login" -> {
                users.ensurePresent(bodyField(event, "username"), bodyField(event, "password"));
                yield text;
            }
            case "change-password" -> filled(text, event, users.newUser(bodyField(event, "old_password")));
            case "password-reset", "resend-email" ->
                    filled(withBodyPlaceholder(event, "email", EMAIL_PLACEHOLDER), event, users.newUserWithAddress());
            case "verify-email" -> filled(text, event, users.newUserWithAddress());
            default -> EventPlaceholders.names(text).isEmpty() ? text
                    : filled(text, event, users.newUser(BenchmarkUsers.TOKEN_USER_PASSWORD));
        };
    }

    /** The event's placeholders filled for `user`: only what the event names is made (each costs a write). */
    private String filled(String text, JsonNode event, User user) {
        Set<String> names = EventPlaceholders.names(text);
        Map<String, String> values = new HashMap<>();
        values.put("USER_ID", user.id());
        values.put(EMAIL, user.email());
        if (names.contains("ACCESS_TOKEN") || names.contains("REFRESH_TOKEN")) {
            String issuer = services.tokenIssuer().forBaseUrl(ApiRequest.from(gatewayEvent(event)).publicBaseUrl());
            TokenPair tokens = users.login(user, issuer);
            values.put("ACCESS_TOKEN", tokens.access());
            values.put("REFRESH_TOKEN", tokens.refresh());
        }
        if (names.contains("RESET_TOKEN")) {
            values.put("RESET_TOKEN", secrets.resetToken(user));
        }
        if (names.contains("VERIFICATION_KEY")) {
            values.put("VERIFICATION_KEY", secrets.verificationKey(user));
        }
        return EventPlaceholders.fill(text, values);
    }

    /** The event with one field of its JSON body replaced by a placeholder (filled, with content-length, later). */
    static String withBodyPlaceholder(JsonNode event, String field, String placeholder) {
        ObjectNode copy = event.deepCopy();
        JsonNode body = parse(copy.path("body").asText("{}"));
        if (!body.path(field).isTextual()) {
            throw new IllegalStateException("the event's body has no " + field);
        }
        ((ObjectNode) body).put(field, placeholder);
        copy.put("body", body.toString());
        return copy.toString();
    }

    /** The parts of the event that decide the token issuer: headers, domain name and stage. */
    static APIGatewayV2HTTPEvent gatewayEvent(JsonNode event) {
        Map<String, String> headers = new HashMap<>();
        event.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        JsonNode context = event.path("requestContext");
        return APIGatewayV2HTTPEvent.builder()
                .withHeaders(headers)
                .withRawPath(event.path("rawPath").asText(""))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName(context.path("domainName").asText(null))
                        .withStage(context.path("stage").asText(null))
                        .withRequestId(context.path("requestId").asText(""))
                        .build())
                .build();
    }

    private static String bodyField(JsonNode event, String field) {
        JsonNode value = parse(event.path("body").asText("{}")).path(field);
        if (!value.isTextual()) {
            throw new IllegalStateException("the event's body has no " + field);
        }
        return value.asText();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
