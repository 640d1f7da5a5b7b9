package dev.accounts.core.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account. `username` keeps the spelling given at sign-up; uniqueness is decided on {@link Usernames#key}.
 * `sessionsEndedAt` is when the user last signed out everywhere (a password change or reset does too): every
 * token of a session begun before it is refused. {@link Instant#EPOCH} when that never happened.
 */
public record User(String id, String username, String email, String firstName, String lastName,
                   String passwordHash, Instant createdAt, boolean emailVerified, Instant sessionsEndedAt) {

    /** A new account: its address not yet verified, never signed out everywhere. */
    public User(String id, String username, String email, String firstName, String lastName, String passwordHash,
                Instant createdAt) {
        this(id, username, email, firstName, lastName, passwordHash, createdAt, false, Instant.EPOCH);
    }

    public String usernameKey() {
        return Usernames.key(username);
    }

    public User withPasswordHash(String newHash) {
        return new User(id, username, email, firstName, lastName, newHash, createdAt, emailVerified, sessionsEndedAt);
    }

    public User withProfile(String newEmail, String newFirstName, String newLastName, boolean verified) {
        return new User(id, username, newEmail, newFirstName, newLastName, passwordHash, createdAt, verified,
                sessionsEndedAt);
    }

    /**
     * Whether a token of a session that began at {@code sessionStart} (its `auth_time`, carried through refreshes)
     * predates the user's last sign-out everywhere.
     */
    public boolean signedOutSince(Instant sessionStart) {
        return sessionStart.isBefore(sessionsEndedAt);
    }

    /** The public view returned by create-account: DRF's field names, never the hash. */
    public Map<String, Object> toPublicJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("username", username);
        json.put("email", email);
        json.put("first_name", firstName);
        json.put("last_name", lastName);
        return json;
    }

    /** GET and PATCH /account/me: the public view and whether the address is verified. */
    public Map<String, Object> toProfileJson() {
        Map<String, Object> json = toPublicJson();
        json.put("email_verified", emailVerified);
        return json;
    }
}
