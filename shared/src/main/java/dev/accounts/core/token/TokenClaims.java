package dev.accounts.core.token;

import java.time.Instant;

/** What a verified token says. `family` is the login a refresh token descends from (null on access tokens). */
public record TokenClaims(TokenType type, String userId, String jti, String family, Instant issuedAt, Instant expiresAt) {}
