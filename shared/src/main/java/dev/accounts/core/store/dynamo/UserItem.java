package dev.accounts.core.store.dynamo;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import dev.accounts.core.account.EmailKeys;
import dev.accounts.core.account.User;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The items of the users table: an account (pk USER#id) and its username claim (pk NAME#key → user_id), which
 * makes names unique under a conditional put, and the tombstone of a deleted account (pk GONE#id, kept for
 * good) so that an id cannot be created twice. A static schema: no bean reflection at cold start.
 */
final class UserItem {
    static final String USER_PREFIX = "USER#";
    static final String NAME_PREFIX = "NAME#";
    /** The lower-cased address: the key of the EmailIndex (template.yaml); absent when the account has none. */
    static final String EMAIL_KEY = "email_key";
    static final String EMAIL_INDEX = "EmailIndex";
    /** Milliseconds since the epoch of the last sign-out everywhere; absent when there was none. */
    static final String SESSIONS_ENDED_AT = "sessions_ended_at";
    static final String GONE_PREFIX = "GONE#";

    static final TableSchema<UserItem> SCHEMA = StaticTableSchema.builder(UserItem.class)
            .newItemSupplier(UserItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(i -> i.pk).setter((i, v) -> i.pk = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("user_id").getter(i -> i.userId).setter((i, v) -> i.userId = v))
            .addAttribute(String.class, a -> a.name("username").getter(i -> i.username).setter((i, v) -> i.username = v))
            .addAttribute(String.class, a -> a.name("username_key").getter(i -> i.usernameKey)
                    .setter((i, v) -> i.usernameKey = v))
            .addAttribute(String.class, a -> a.name("email").getter(i -> i.email).setter((i, v) -> i.email = v))
            .addAttribute(String.class, a -> a.name("first_name").getter(i -> i.firstName)
                    .setter((i, v) -> i.firstName = v))
            .addAttribute(String.class, a -> a.name("last_name").getter(i -> i.lastName).setter((i, v) -> i.lastName = v))
            .addAttribute(String.class, a -> a.name("password_hash").getter(i -> i.passwordHash)
                    .setter((i, v) -> i.passwordHash = v))
            .addAttribute(Long.class, a -> a.name("created_at").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v))
            .addAttribute(String.class, a -> a.name(EMAIL_KEY).getter(i -> i.emailKey).setter((i, v) -> i.emailKey = v)
                    .tags(secondaryPartitionKey(EMAIL_INDEX)))
            .addAttribute(Boolean.class, a -> a.name("email_verified").getter(i -> i.emailVerified)
                    .setter((i, v) -> i.emailVerified = v))
            .addAttribute(Long.class, a -> a.name(SESSIONS_ENDED_AT).getter(i -> i.sessionsEndedAt)
                    .setter((i, v) -> i.sessionsEndedAt = v))
            .build();

    String pk;
    String userId;
    String username;
    String usernameKey;
    String email;
    String firstName;
    String lastName;
    String passwordHash;
    Long createdAt;
    String emailKey;
    Boolean emailVerified;
    Long sessionsEndedAt;

    static UserItem account(User user) {
        UserItem item = new UserItem();
        item.pk = USER_PREFIX + user.id();
        item.userId = user.id();
        item.username = user.username();
        item.usernameKey = user.usernameKey();
        item.email = user.email();
        item.firstName = user.firstName();
        item.lastName = user.lastName();
        item.passwordHash = user.passwordHash();
        item.createdAt = user.createdAt().getEpochSecond();
        item.emailKey = EmailKeys.of(user.email());
        item.emailVerified = user.emailVerified();
        item.sessionsEndedAt = user.sessionsEndedAt().equals(Instant.EPOCH) ? null : user.sessionsEndedAt().toEpochMilli();
        return item;
    }

    /** Only the key: attributes set on it are all an update with ignoreNulls writes. */
    static UserItem keyOf(String userId) {
        UserItem item = new UserItem();
        item.pk = USER_PREFIX + userId;
        return item;
    }

    static UserItem usernameClaim(User user) {
        UserItem item = new UserItem();
        item.pk = NAME_PREFIX + user.usernameKey();
        item.userId = user.id();
        return item;
    }

    /** Holds the id only: nothing personal outlives the account. */
    static UserItem tombstone(String id) {
        UserItem item = new UserItem();
        item.pk = GONE_PREFIX + id;
        item.userId = id;
        return item;
    }

    User toUser() {
        return new User(userId, username, orEmpty(email), orEmpty(firstName), orEmpty(lastName), passwordHash,
                Instant.ofEpochSecond(createdAt == null ? 0 : createdAt), Boolean.TRUE.equals(emailVerified),
                sessionsEndedAt == null ? Instant.EPOCH : Instant.ofEpochMilli(sessionsEndedAt));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
