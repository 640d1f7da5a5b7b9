package dev.accounts.core.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account. `username` keeps the spelling given at sign-up; uniqueness is decided on {@link Usernames#key}. */
public record User(String id, String username, String email, String firstName, String lastName,
                   String passwordHash, Instant createdAt) {

    public String usernameKey() {
        return Usernames.key(username);
    }

    public User withPasswordHash(String newHash) {
        return new User(id, username, email, firstName, lastName, newHash, createdAt);
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
}
