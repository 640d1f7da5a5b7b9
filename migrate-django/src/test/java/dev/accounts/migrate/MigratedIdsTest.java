package dev.accounts.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The ids other services compute to map their Django user ids (docs/MIGRATION.md gives the formula). */
class MigratedIdsTest {
    @Test
    void matchesWhatPythonsUuidGivesForTheDocumentedFormula() {
        // uuid.UUID(bytes=hashlib.md5(b"django:auth.user:1").digest(), version=3)
        assertEquals("5ffff03d-0a45-3c68-9b22-e4e443f31923", MigratedIds.of("auth.user", "1"));
    }

    @Test
    void dependsOnTheModelAndThePkOnly() {
        assertEquals(MigratedIds.of("auth.user", "42"), MigratedIds.of("auth.user", "42"));
        assertNotEquals(MigratedIds.of("auth.user", "42"), MigratedIds.of("auth.user", "43"));
        assertNotEquals(MigratedIds.of("auth.user", "42"), MigratedIds.of("accounts.user", "42"));
    }
}
