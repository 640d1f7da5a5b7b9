package dev.accounts.core.store.dynamo;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

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
                Instant.ofEpochSecond(createdAt == null ? 0 : createdAt));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
