package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accounts.bench.baseline.noop.PrimedNoopStreamHandler;
import dev.accounts.core.priming.RuntimeClientClasses;
import org.junit.jupiter.api.Test;

class PrimedFloorTest {

    @Test
    void theFloorPreloadsTheRuntimeClientClassesTheFunctionsPreload() {
        // A floor that primed less than the functions would let a function measure better than its floor.
        assertEquals(RuntimeClientClasses.NAMES, PrimedNoopStreamHandler.RUNTIME_CLIENT_CLASSES);
    }
}
