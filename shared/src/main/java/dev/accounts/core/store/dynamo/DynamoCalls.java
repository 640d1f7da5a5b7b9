package dev.accounts.core.store.dynamo;

import dev.accounts.core.aws.RequestDeadline;
import dev.accounts.core.contract.StorageUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Shared by the DynamoDB stores: failure translation and the conditions every single-use rule is built on. */
final class DynamoCalls {
    private DynamoCalls() {}

    /** Runs a storage call; anything the SDK gives up on (unreachable, throttled past retries) becomes a 503. */
    static <T> T call(String operation, Supplier<T> call) {
        RequestDeadline.checkTimeFor(operation);
        try {
            return call.get();
        } catch (TransactionCanceledException | ConditionalCheckFailedException lostCondition) {
            throw lostCondition; // an answer, not a fault: the caller decides what it means
        } catch (SdkException e) {
            throw new StorageUnavailableException(operation, e);
        }
    }

    static void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    /** "No live record": absent, or present but past its expiry, which TTL has not yet removed. */
    static Expression absentOrExpired(long nowEpochSecond) {
        return Expression.builder()
                .expression("attribute_not_exists(pk) OR #exp <= :now")
                .putExpressionName("#exp", "expires_at")
                .putExpressionValue(":now", AttributeValue.fromN(Long.toString(nowEpochSecond)))
                .build();
    }

    static Expression absent() {
        return Expression.builder().expression("attribute_not_exists(pk)").build();
    }

    /**
     * Holds for no item, present or absent. Priming sends its writes under it (through {@link #never(Expression)}):
     * DynamoDB runs the whole request path, refuses the write, and nothing is stored.
     */
    static Expression never() {
        return Expression.builder().expression("attribute_exists(pk) AND attribute_not_exists(pk)").build();
    }

    /**
     * What priming sends a write under: {@code real} and {@link #never()}, so the request is the real one, names
     * and values included, and still refused.
     */
    static Expression never(Expression real) {
        return Expression.join(real, never(), " AND ");
    }

    static Expression present() {
        return Expression.builder().expression("attribute_exists(pk)").build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A number attribute of a low-level item; 0 when absent. */
    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** Whether the transaction's item at `index` failed its condition. */
    static boolean failedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && index < reasons.size()
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** True when every reason is a failed condition: the transaction lost a race rather than hit a fault. */
    static boolean onlyConditionsFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && !reasons.isEmpty() && reasons.stream()
                .allMatch(r -> r.code() == null || "None".equals(r.code()) || "ConditionalCheckFailed".equals(r.code()));
    }
}
