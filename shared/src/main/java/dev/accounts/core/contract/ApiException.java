package dev.accounts.core.contract;

import java.util.Map;

/**
 * An answer to the client that is not a success: status, JSON body and extra headers. Thrown by the core
 * wherever a rule fails; {@link ApiFunction} turns it into the response. All instances come from {@link Errors}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, ?> body;
    private final Map<String, String> headers;

    ApiException(int status, Map<String, ?> body, Map<String, String> headers) {
        // No stack trace: these are expected outcomes, built often (every failed login), never logged as errors.
        super(null, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public Map<String, ?> body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String getMessage() {
        return status + " " + body;
    }
}
