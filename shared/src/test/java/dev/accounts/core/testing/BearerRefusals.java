package dev.accounts.core.testing;

/**
 * The contract's 401 bodies for a bad Bearer token, word for word as simplejwt's JWTAuthentication answers
 * (/work/shared/API.md, "Tokens"): detail, code, and the `messages` list clients of the reference read.
 */
public final class BearerRefusals {
    /** Garbage, a bad signature, a foreign key, an expired access token. */
    public static final String INVALID_OR_EXPIRED = body("Token is invalid or expired");
    /** A well-signed token of another type (a refresh token) where an access token is required. */
    public static final String WRONG_TYPE = body("Token has wrong type");

    private BearerRefusals() {
    }

    private static String body(String message) {
        return "{\"detail\": \"Given token not valid for any token type\", \"code\": \"token_not_valid\", "
                + "\"messages\": [{\"token_class\": \"AccessToken\", \"token_type\": \"access\", \"message\": \""
                + message + "\"}]}";
    }
}
