package dev.accounts.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.http.ApiRequest;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenPair;
import dev.accounts.devkit.EventPlaceholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns events/&lt;function&gt;.json into an event that succeeds, once per invocation, by preparing the state
 * it needs through the core (the same code and tables the functions use):
 * <ul>
 *   <li>placeholders REPLACE_WITH_USER_ID / _ACCESS_TOKEN / _REFRESH_TOKEN: a new user and a new login's
 *       token pair for it, so single-use tokens and deleted users never collide between invocations;</li>
 *   <li>create-account: the user named in the body is removed first, so the sign-up is new each time;</li>
 *   <li>login: the user named in the body exists with the body's password.</li>
 * </ul>
 * Everything else in the event is sent as written.
 */
final class EventFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Users made only to carry tokens never log in; one hash serves them all, so preparing stays cheap. */
    private static final String TOKEN_USER_PASSWORD = "benchmark user " + UUID.randomUUID();

    private final EnvironmentWiring services;
    private final Path eventsDirectory;
    private final Map<String, String> hashes = new HashMap<>();

    EventFixtures(EnvironmentWiring services, Path eventsDirectory) {
        this.services = services;
        this.eventsDirectory = eventsDirectory;
    }

    Path eventFile(String function) {
        return eventsDirectory.resolve(function + ".json");
    }

    /** A source of ready events for the function: each call prepares state for one more invocation. */
    Supplier<String> invocations(String function) {
        String text = read(eventFile(function));
        return () -> prepare(function, text);
    }

    /** The event as written, for the baselines, which read nothing from it. */
    Supplier<String> verbatim(String function) {
        String text = read(eventFile(function));
        return () -> text;
    }

    String prepare(String function, String text) {
        JsonNode event = parse(text);
        switch (function) {
            case "create-account" -> ensureAbsent(bodyField(event, "username"));
            case "login" -> ensurePresent(bodyField(event, "username"), bodyField(event, "password"));
            default -> {
                // no precondition on the named user
            }
        }
        return EventPlaceholders.names(text).isEmpty() ? text : withTokens(text, event);
    }

    private String withTokens(String text, JsonNode event) {
        User user = newUser("bench-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                TOKEN_USER_PASSWORD);
        String issuer = services.tokenIssuer().forBaseUrl(ApiRequest.from(gatewayEvent(event)).publicBaseUrl());
        TokenPair tokens = services.tokens().issue(user.id(), services.tokens().newFamily(), issuer);
        // E-mailed secrets cannot be prepared without sending e-mail: those requests are refused (400, 404) after
        // the lookup, which still measures the function's cold path.
        return EventPlaceholders.fill(text, Map.of("USER_ID", user.id(), "ACCESS_TOKEN", tokens.access(),
                "REFRESH_TOKEN", tokens.refresh(), "RESET_TOKEN", "not-a-mailed-token",
                "VERIFICATION_KEY", "not-a-mailed-key"));
    }

    private void ensureAbsent(String username) {
        services.users().findByUsernameKey(Usernames.key(username)).ifPresent(user ->
                services.users().deleteRevokingTokens(user, Instant.now().plus(services.settings().refreshTokenLifetime())));
    }

    private void ensurePresent(String username, String password) {
        if (services.users().findByUsernameKey(Usernames.key(username)).isEmpty()) {
            newUser(username, password);
        }
    }

    private User newUser(String username, String password) {
        String hash = hashes.computeIfAbsent(password, services.passwordHasher()::hash);
        User user = new User(UUID.randomUUID().toString(), username, "", "", "", hash, Instant.now());
        try {
            services.users().create(user);
        } catch (UserStore.UsernameTakenException e) {
            throw new IllegalStateException("username " + username + " is taken", e);
        }
        return user;
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
