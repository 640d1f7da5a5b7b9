package dev.accounts.core.contract;

/** DynamoDB, the secret store or SES could not be reached, or kept throttling past the SDK's retries: a 503. */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String operation, Throwable cause) {
        super(operation + " failed: " + cause.getClass().getSimpleName(), cause);
    }

    public StorageUnavailableException(String operation, String reason) {
        super(operation + " not started: " + reason);
    }
}
