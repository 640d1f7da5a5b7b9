package dev.accounts.core.contract;

/** DynamoDB (or the secret store) could not be reached, or kept throttling past the SDK's retries. */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String operation, Throwable cause) {
        super(operation + " failed: " + cause.getClass().getSimpleName(), cause);
    }

    public StorageUnavailableException(String operation, String reason) {
        super(operation + " not started: " + reason);
    }
}
