package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModuleNameTest {

    @Test
    void logicalIdsSpellTheirModuleWhenNoSourcesSayOtherwise() {
        assertEquals("create-account", ColdStartBenchmark.moduleName("CreateAccountFunction"));
        assertEquals("login", ColdStartBenchmark.moduleName("LoginFunction"));
    }
}
