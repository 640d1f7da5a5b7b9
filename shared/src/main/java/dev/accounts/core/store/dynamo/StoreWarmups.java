package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absent;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.never;

import dev.accounts.core.account.LoginThrottle;
import dev.accounts.core.account.User;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenType;
import dev.accounts.core.store.LoginAttemptStore;
import dev.accounts.core.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.extensions.ReadModification;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedResponse;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedResponse;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The stores' calls, made for SnapStart priming from outside the stores: each is the real request, built by the
 * store's own request builder, for an account and a token that exist nowhere (ids no real account can have), and
 * every write is sent under a condition no item meets, so DynamoDB runs the whole path and stores nothing.
 * Answers that priming cannot receive without storing something (a found item, a write that went through) are
 * built without a call, which runs their classes' initialisation that the first real answer would otherwise pay.
 */
public final class StoreWarmups {
    private final DynamoUserStore users;
    private final Supplier<DynamoRevocationStore> revocations;
    private final DynamoPasswordResetStore resets;
    private final DynamoEmailVerificationStore verifications;
    private final Supplier<DynamoLoginAttemptStore> loginAttempts;
    private final Clock clock;

    /**
     * {@code revocations}, {@code loginAttempts}: asked for only by the warm-ups that use them (sign-up is not given
     * the revoked-tokens table's name, and the counters' keys need the login key, which verifiers do not hold).
     */
    public StoreWarmups(DynamoUserStore users, Supplier<DynamoRevocationStore> revocations, DynamoPasswordResetStore resets,
                        DynamoEmailVerificationStore verifications, Supplier<DynamoLoginAttemptStore> loginAttempts,
                        Clock clock) {
        this.users = users;
        this.revocations = revocations;
        this.resets = resets;
        this.verifications = verifications;
        this.loginAttempts = loginAttempts;
        this.clock = clock;
    }

    /**
     * What the enhanced client runs a found item through (the context it hands its extension chain, which walks
     * the chain backwards), which priming's reads, all misses, never reach: internal to the SDK, so priming loads
     * them by name (once, beside the runtime client's); a version without one of them skips it.
     */
    public static final List<String> FOUND_ITEM_CLASSES = List.of(
            "software.amazon.awssdk.enhanced.dynamodb.internal.extensions.DefaultDynamoDbExtensionContext",
            "software.amazon.awssdk.enhanced.dynamodb.internal.extensions.DefaultDynamoDbExtensionContext$Builder",
            "software.amazon.awssdk.enhanced.dynamodb.internal.operations.OperationName",
            "java.util.ArrayDeque$DescendingIterator");

    /**
     * A user read that misses, and the mapping a found user goes through: a miss never reaches it, and priming
     * cannot read an account without storing one.
     */
    public void userReads() {
        User nobody = nobody();
        users.findById(nobody.id());
        userFound(nobody);
    }

    /** The mapping a found user goes through, without a call. */
    private void userFound(User nobody) {
        Map<String, AttributeValue> found = UserItem.SCHEMA.itemToMap(UserItem.account(nobody), true);
        found.values().forEach(value -> value.toBuilder().build()); // the unmarshaller builds each value
        GetItemResponse.builder().item(found).build();
        ReadModification.builder().transformedItem(found).build();
        UserItem.SCHEMA.mapToItem(found).toUser();
    }

    /** The sign-up transaction, its username claim under a condition never met. */
    public void userCreate() {
        try {
            users.submitCreate(users.createRequest(nobody(), never(absent())));
        } catch (UserStore.UsernameTakenException refusedAsIntended) {
            // the claim's condition never holds
        }
        transactionWritten();
    }

    /** The deletion transaction for an account that exists nowhere: DynamoDB cancels it whole. */
    public void userDelete() {
        users.deleteRevokingTokens(nobody(), clock.instant());
        transactionWritten();
    }

    /** The hash upgrade's conditional update: refused, as no stored hash matches. */
    public void passwordHashReplace() {
        users.replacePasswordHash(nobody(), "priming");
    }

    /** change-password's conditional update: refused, as no stored hash matches. */
    public void passwordChange() {
        users.changePassword(nobody(), "priming", "priming", clock.instant());
        userUpdated();
    }

    /** logout-all's update: refused, as the account does not exist. */
    public void sessionsEnd() {
        users.endSessions(nobodyId(), clock.instant());
        userUpdated();
    }

    /** PATCH /account/me's update: refused, as the account does not exist. */
    public void profileUpdate() {
        users.updateProfile(nobody());
        userUpdated();
    }

    /** An update of a user that went through: its answer, which the refused updates above never get. */
    private void userUpdated() {
        UpdateItemResponse.builder().attributes(UserItem.SCHEMA.itemToMap(UserItem.account(nobody()), true)).build();
        UpdateItemEnhancedResponse.builder(UserItem.class).build();
    }

    /** The e-mail index query, for an address no account can have. */
    public void emailLookup() {
        users.findByEmail("priming@priming.invalid");
    }

    /** The reset transaction for a token no account has: DynamoDB cancels it whole. */
    public void passwordResetSpend() {
        resets.resetPassword(nobody(), "priming", "priming", clock.instant());
        transactionWritten();
    }

    /** The verification key read, for a key that exists nowhere. */
    public void verificationKeyRead() {
        verifications.verify("priming-" + UUID.randomUUID(), clock.instant());
    }

    /**
     * The spend: its batch read (the user exists nowhere, so it stops there), then its family update under a
     * condition never met, and the answers a spend that went through gets.
     */
    public void refreshSpend() {
        TokenClaims token = nobodyToken();
        Instant now = clock.instant();
        revocations.get().spend(token, now);
        try {
            call("spend refresh token", () -> revocations.get().table().updateItem(revocations.get().spendRequest(
                    token, now, never(DynamoRevocationStore.spendable(token, now)), token.jti())));
        } catch (ConditionalCheckFailedException refusedAsIntended) {
            // the condition never holds
        }
        UpdateItemResponse.builder().attributes(RevocationItem.SCHEMA.itemToMap(RevocationItem.of(
                RevocationItem.FAMILY_PREFIX + token.family(), token.userId(), now), true)).build();
        UpdateItemEnhancedResponse.builder(RevocationItem.class).build();
        userFound(nobody()); // the batch read finds the user on a real spend
    }

    /** The batch read of a token's revocation records. */
    public void revocationReads() {
        revocations.get().isRevoked(nobodyToken());
    }

    /** The family revocation, under a condition never met. */
    public void familyRevocation() {
        TokenClaims token = nobodyToken();
        long now = clock.instant().getEpochSecond();
        revocations.get().putFamilyRevocation(revocations.get().revokeFamilyRequest(
                token.family(), token.userId(), token.expiresAt(), never(DynamoRevocationStore.notRevoked(now))));
        PutItemResponse.builder().build();
        PutItemEnhancedResponse.builder(RevocationItem.class).build();
    }

    /**
     * The lockout counter's writes for a name no one has: the first count, the increment and the locking
     * compare-and-set, and the clearing after a right password, each under a condition never met; then the
     * answer a counted attempt gets, which priming cannot receive without counting.
     */
    public void loginAttemptWrites() {
        DynamoLoginAttemptStore store = loginAttempts.get();
        String key = nobodyId();
        Instant now = clock.instant();
        Instant forget = now.plus(Duration.ofDays(1));
        store.applied(neverApplied(store.reserveRequest(key, LoginAttemptStore.Attempts.NONE, null, forget)));
        long lastFree = LoginThrottle.FREE_FAILURES - 1;
        store.applied(neverApplied(store.reserveRequest(key, new LoginAttemptStore.Attempts(lastFree, now),
                now.plusSeconds(30), forget)));
        store.countIfApplied(neverApplied(store.incrementRequest(key, lastFree, forget)));
        try {
            store.delete(store.resetRequest(key).toBuilder().conditionExpression(never().expression()).build());
        } catch (ConditionalCheckFailedException refusedAsIntended) {
            // the condition never holds
        }
        new LoginThrottle.Attempt(key, 1);
        UpdateItemResponse.builder().attributes(Map.of("failures", AttributeValue.fromN("1"))).build();
        DeleteItemResponse.builder().build();
    }

    /** A low-level update under its own condition and one no item meets (see {@link DynamoCalls#never()}). */
    private static UpdateItemRequest neverApplied(UpdateItemRequest update) {
        return update.toBuilder().conditionExpression("(" + update.conditionExpression() + ") AND " + never().expression())
                .build();
    }

    /** A TransactWriteItems that was not cancelled: the unmarshaller sets these, through their copiers. */
    private static void transactionWritten() {
        TransactWriteItemsResponse.builder().consumedCapacity(List.of()).itemCollectionMetrics(Map.of()).build();
        TransactWriteItemsEnhancedResponse.builder().build();
    }

    /** Real ids are UUIDs; these are not, so they can never name a real account or token. */
    private static String nobodyId() {
        return "priming-" + UUID.randomUUID();
    }

    private User nobody() {
        return new User(nobodyId(), "priming", "", "", "", "priming", clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private TokenClaims nobodyToken() {
        String id = nobodyId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new TokenClaims(TokenType.REFRESH, id, id, id, 0, now, now, now.plusSeconds(60));
    }
}
