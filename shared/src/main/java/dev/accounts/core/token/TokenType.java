package dev.accounts.core.token;

/** The two kinds of token, named as simplejwt's `token_type` claim names them. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static TokenType fromClaim(Object value) {
        for (TokenType type : values()) {
            if (type.claim.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
