package dev.accounts.core.token;

/** Why a token was not accepted; the caller decides how that is answered (refresh and auth word it differently). */
public final class TokenRejected extends Exception {
    public enum Reason { INVALID_OR_EXPIRED, WRONG_TYPE }

    private final Reason reason;

    public TokenRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
