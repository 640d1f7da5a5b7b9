package dev.accounts.core.token;

import java.time.Instant;

/**
 * What a verified token says. `family` is the login a refresh token descends from (null on access tokens);
 * `generation` counts the refreshes between that login and this refresh token (0 for the login's own, and for
 * tokens issued before generations existed); `sessionStart` is when the login (or password change) that began
 * the session happened, carried unchanged through refreshes: signing out everywhere ends every token whose
 * session started before it, including ones a refresh issued afterwards.
 */
public record TokenClaims(TokenType type, String userId, String jti, String family, long generation,
                          Instant sessionStart, Instant issuedAt, Instant expiresAt) {}
