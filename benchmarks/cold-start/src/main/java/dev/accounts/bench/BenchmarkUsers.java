package dev.accounts.bench;

import dev.accounts.core.account.User;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.store.UserStore;
import dev.accounts.core.token.TokenPair;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The accounts the events act on, written through the core (the same code and tables the functions use): each
 * invocation gets a new one, so single-use tokens, quotas, sign-outs and deletions never collide between them.
 * Hashing is the slow part: each password is hashed once and the hash reused for every account that has it.
 */
final class BenchmarkUsers {
    /** Users made only to carry tokens never log in; one hash serves them all, so preparing stays cheap. */
    static final String TOKEN_USER_PASSWORD = "benchmark user " + UUID.randomUUID();

    private final EnvironmentWiring services;
    private final Map<String, String> hashes = new HashMap<>();

    BenchmarkUsers(EnvironmentWiring services) {
        this.services = services;
    }

    /** A new account with this password and no address. */
    User newUser(String password) {
        return create(newUsername(), password, "");
    }

    /** A new account with an address of its own (unverified), e.g. for the e-mail quotas of one a minute. */
    User newUserWithAddress() {
        String username = newUsername();
        return create(username, TOKEN_USER_PASSWORD, username + "@example.com");
    }

    /** A new login's token pair for the user, issued as the function would issue it for this request's API. */
    TokenPair login(User user, String issuer) {
        return services.tokens().issue(user.id(), services.tokens().newFamily(), issuer);
    }

    /** No account has this username (create-account signs it up anew each time). */
    void ensureAbsent(String username) {
        services.users().findByUsernameKey(Usernames.key(username)).ifPresent(user ->
                services.users().deleteRevokingTokens(user, Instant.now().plus(services.settings().refreshTokenLifetime())));
    }

    /** An account with this username exists; made with this password if it did not (login's event). */
    void ensurePresent(String username, String password) {
        if (services.users().findByUsernameKey(Usernames.key(username)).isEmpty()) {
            create(username, password, "");
        }
    }

    private User create(String username, String password, String email) {
        String hash = hashes.computeIfAbsent(password, services.passwordHasher()::hash);
        User user = new User(UUID.randomUUID().toString(), username, email, "", "", hash, Instant.now());
        try {
            services.users().create(user);
        } catch (UserStore.UsernameTakenException e) {
            throw new IllegalStateException("username " + username + " is taken", e);
        }
        return user;
    }

    private static String newUsername() {
        return "bench-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
