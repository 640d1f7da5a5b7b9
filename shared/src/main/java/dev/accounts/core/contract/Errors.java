package dev.accounts.core.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error status and body of the contract, decided here and nowhere else. Bodies keep the shapes of
 * Django REST Framework and simplejwt so that clients of the reference work unchanged.
 */
public final class Errors {
    /** How long a client should wait before retrying when storage is unavailable. */
    static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 1;
    /** On every 401: RFC 7235 requires a challenge, and simplejwt's views send this one on theirs too. */
    private static final Map<String, String> BEARER_CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"api\"");

    private static final String INVALID_OR_EXPIRED = "Token is invalid or expired";
    private static final String WRONG_TYPE = "Token has wrong type";

    private Errors() {}

    /** 400 with DRF's field map: {"field": ["message", ...], ...}. */
    public static ApiException validation(Map<String, List<String>> fieldErrors) {
        return new ApiException(400, new LinkedHashMap<>(fieldErrors), Map.of());
    }

    public static ApiException field(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    public static ApiException parseError(String reason) {
        return detail(400, "JSON parse error - " + reason);
    }

    public static ApiException notAnObject(String gotType) {
        return new ApiException(400,
                Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got " + gotType + ".")),
                Map.of());
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return detail(415, "Unsupported media type \"" + contentType + "\" in request.");
    }

    public static ApiException bodyTooLarge() {
        return detail(413, "Request body too large.");
    }

    public static ApiException notAuthenticated() {
        return new ApiException(401, Map.of("detail", "Authentication credentials were not provided."),
                BEARER_CHALLENGE);
    }

    /**
     * simplejwt's JWTAuthentication on a bad Bearer token: besides detail and code, the `messages` list (one
     * entry per token class tried; only AccessToken authenticates) saying why that class refused it.
     */
    public static ApiException bearerTokenInvalidOrExpired() {
        return notValidForAnyTokenType(INVALID_OR_EXPIRED);
    }

    /** A refresh token (or any other type) presented as Bearer. */
    public static ApiException bearerTokenWrongType() {
        return notValidForAnyTokenType(WRONG_TYPE);
    }

    private static ApiException notValidForAnyTokenType(String message) {
        Map<String, Object> body = new LinkedHashMap<>(detailAndCode("Given token not valid for any token type",
                "token_not_valid"));
        Map<String, String> accessToken = new LinkedHashMap<>();
        accessToken.put("token_class", "AccessToken");
        accessToken.put("token_type", "access");
        accessToken.put("message", message);
        body.put("messages", List.of(accessToken));
        return new ApiException(401, body, BEARER_CHALLENGE);
    }

    public static ApiException tokenInvalidOrExpired() {
        return tokenError(INVALID_OR_EXPIRED, BEARER_CHALLENGE);
    }

    public static ApiException tokenWrongType() {
        return tokenError(WRONG_TYPE, BEARER_CHALLENGE);
    }

    public static ApiException tokenBlacklisted() {
        return tokenError("Token is blacklisted", BEARER_CHALLENGE);
    }

    public static ApiException userNotFound() {
        return new ApiException(401, detailAndCode("User not found", "user_not_found"), BEARER_CHALLENGE);
    }

    public static ApiException permissionDenied() {
        return detail(403, "You do not have permission to perform this action.");
    }

    public static ApiException noActiveAccount() {
        return new ApiException(401, Map.of("detail", "No active account found with the given credentials"),
                BEARER_CHALLENGE);
    }

    /** dj-rest-auth's PasswordChangeSerializer, on a wrong old_password. */
    public static ApiException oldPasswordIncorrect() {
        return field("old_password", "Your old password was entered incorrectly. Please enter it again.");
    }

    /** PATCH /account/me with a field only sign-up or change-password may set. */
    public static ApiException cannotBeChangedHere(List<String> fields) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        fields.forEach(name -> errors.put(name, List.of("This field cannot be changed here.")));
        return validation(errors);
    }

    /** django-allauth's mandatory verification, at a login with the right password. */
    public static ApiException emailNotVerified() {
        return new ApiException(400, Map.of("non_field_errors", List.of("E-mail is not verified.")), Map.of());
    }

    /** dj-rest-auth's PasswordResetConfirmSerializer, for a wrong, used, replaced or expired token or unknown uid. */
    public static ApiException invalidResetToken() {
        return field("token", "Invalid value");
    }

    public static ApiException passwordResetNotConfigured() {
        return detail(501, "Password reset by e-mail is not configured.");
    }

    public static ApiException notFound() {
        return detail(404, "Not found.");
    }

    public static ApiException throttled(long retryAfterSeconds) {
        return new ApiException(429,
                Map.of("detail", "Request was throttled. Expected available in " + retryAfterSeconds + " seconds."),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiException serviceUnavailable() {
        return new ApiException(503, Map.of("detail", "Service temporarily unavailable, try again later."),
                Map.of("Retry-After", Integer.toString(UNAVAILABLE_RETRY_AFTER_SECONDS)));
    }

    /** For the bug we did not foresee: the client learns nothing about the inside. */
    public static ApiException internal() {
        return detail(500, "A server error occurred.");
    }

    private static ApiException tokenError(String detail, Map<String, String> headers) {
        return new ApiException(401, detailAndCode(detail, "token_not_valid"), headers);
    }

    private static Map<String, String> detailAndCode(String detail, String code) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("code", code);
        return body;
    }

    private static ApiException detail(int status, String detail) {
        return new ApiException(status, Map.of("detail", detail), Map.of());
    }
}
