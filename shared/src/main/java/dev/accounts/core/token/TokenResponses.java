package dev.accounts.core.token;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies that carry tokens, in the reference's field order. */
public final class TokenResponses {
    private TokenResponses() {}

    public static Map<String, String> login(TokenPair pair) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", "Login successful");
        body.put("refresh", pair.refresh());
        body.put("access", pair.access());
        return body;
    }

    public static Map<String, String> refresh(TokenPair pair) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access", pair.access());
        body.put("refresh", pair.refresh());
        return body;
    }
}
