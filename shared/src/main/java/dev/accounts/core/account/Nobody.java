package dev.accounts.core.account;

import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The account and refresh token SnapStart priming acts for: they exist nowhere, and can never come to exist,
 * since real ids are UUIDs and these are not. A store call made for them misses, or is refused by a condition
 * on the account, and writes nothing. A new id each time, so nothing is shared between priming rounds.
 */
public final class Nobody {
    private Nobody() {}

    public static User user() {
        return new User(id(), "priming", "", "", "", "priming", Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public static TokenClaims refreshToken() {
        String id = id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new TokenClaims(TokenType.REFRESH, id, id, id, now, now.plusSeconds(60));
    }

    private static String id() {
        return "priming-" + UUID.randomUUID();
    }
}
