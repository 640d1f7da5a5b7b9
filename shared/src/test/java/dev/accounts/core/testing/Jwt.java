package dev.accounts.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads a JWS compact token's header and claims without verifying it, as a client inspecting a token would. */
public final class Jwt {
    private Jwt() {}

    public static JsonNode header(String token) {
        return part(token, 0);
    }

    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    /** The same token with its claims replaced by `claimsJson` and the original signature kept. */
    public static String withClaims(String token, String claimsJson) {
        String[] parts = split(token);
        return parts[0] + "." + encode(claimsJson) + "." + parts[2];
    }

    public static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode part(String token, int index) {
        return Responses.parse(new String(Base64.getUrlDecoder().decode(split(token)[index]), StandardCharsets.UTF_8));
    }

    private static String[] split(String token) {
        String[] parts = token.split("\\.", -1);
        assertEquals(3, parts.length, "a JWS compact token has three parts: " + token);
        return parts;
    }
}
