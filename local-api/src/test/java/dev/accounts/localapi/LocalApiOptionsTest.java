package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalApiOptionsTest {

    @Test
    void defaultsToPort3000OnLoopback() {
        LocalApiOptions options = LocalApiOptions.parse(new String[0], Map.of());
        assertEquals(3000, options.port());
        assertEquals("127.0.0.1", options.host());
        assertNull(options.template());
    }

    @Test
    void portFromEnvironmentThenFlagWins() {
        assertEquals(8080, LocalApiOptions.parse(new String[0], Map.of("PORT", "8080")).port());
        assertEquals(9000, LocalApiOptions.parse(new String[] {"--port", "9000"}, Map.of("PORT", "8080")).port());
    }

    @Test
    void templateAndParameterOverrides() {
        LocalApiOptions options = LocalApiOptions.parse(new String[] {
                "--template", "t.yaml", "--parameter-overrides", "A=1,B=x=y"}, Map.of());
        assertEquals(Path.of("t.yaml"), options.template());
        assertEquals(Map.of("A", "1", "B", "x=y"), options.parameterOverrides());
    }

    @Test
    void maxConcurrencyDefaultsToTenAndTakesTheFlag() {
        assertEquals(10, LocalApiOptions.parse(new String[0], Map.of()).maxConcurrency());
        assertEquals(3, LocalApiOptions.parse(new String[] {"--max-concurrency", "3"}, Map.of()).maxConcurrency());
        assertThrows(IllegalArgumentException.class, () -> LocalApiOptions.parse(new String[] {"--max-concurrency", "0"}, Map.of()));
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertThrows(IllegalArgumentException.class, () -> LocalApiOptions.parse(new String[] {"--nope"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LocalApiOptions.parse(new String[] {"--port"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LocalApiOptions.parse(new String[] {"--port", "70000"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LocalApiOptions.parse(new String[] {"--parameter-overrides", "A"}, Map.of()));
    }
}
