package dev.accounts.core.store.dynamo;

import static dev.accounts.core.store.dynamo.DynamoCalls.absent;
import static dev.accounts.core.store.dynamo.DynamoCalls.call;
import static dev.accounts.core.store.dynamo.DynamoCalls.never;

import dev.accounts.core.account.User;
import dev.accounts.core.token.TokenClaims;
import dev.accounts.core.token.TokenType;
import java.time.Clock;
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
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
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
    private final Clock clock;

    /** {@code revocations}: asked for only by the warm-ups that use it (sign-up is not given that table's name). */
    public StoreWarmups(DynamoUserStore users, Supplier<DynamoRevocationStore> revocations, DynamoPasswordResetStore resets,
                        DynamoEmailVerificationStore verifications, Clock clock) {
        this.users = users;
        this.revocations = revocations;
        this.resets = resets;
        this.verifications = verifications;
        this.clock = clock;
    }

    /** A user read that misses, and the mapping a found user goes through. */
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
        TransactWriteItemsEnhancedRequest request = users.createRequest(nobody(), never(absent()));
        try {
            call("create user", () -> users.client().transactWriteItems(request));
        } catch (TransactionCanceledException refusedAsIntended) {
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
    }

    /** logout-all's update: refused, as the account does not exist. */
    public void sessionsEnd() {
        users.endSessions(nobodyId(), clock.instant());
    }

    /** PATCH /account/me's update: refused, as the account does not exist. */
    public void profileUpdate() {
        users.updateProfile(nobody());
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
        try {
            DynamoCalls.run("revoke family", () -> revocations.get().table().putItem(revocations.get().revokeFamilyRequest(
                    token.family(), token.userId(), token.expiresAt(), never(DynamoRevocationStore.notRevoked(now)))));
        } catch (ConditionalCheckFailedException refusedAsIntended) {
            // the condition never holds
        }
        PutItemResponse.builder().build();
        PutItemEnhancedResponse.builder(RevocationItem.class).build();
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
