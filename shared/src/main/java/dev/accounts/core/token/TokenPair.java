package dev.accounts.core.token;

/** A freshly issued access and refresh token; `refreshClaims` is what the refresh token carries. */
public record TokenPair(String access, String refresh, TokenClaims refreshClaims) {}
