package dev.accounts.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void theLockDoublesFromTheFifthFailureUpToFifteenMinutes() {
        assertEquals(Duration.ofSeconds(30), LoginThrottle.lockFor(5));
        assertEquals(Duration.ofSeconds(60), LoginThrottle.lockFor(6));
        assertEquals(Duration.ofSeconds(120), LoginThrottle.lockFor(7));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockFor(10));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockFor(500));
    }
}
