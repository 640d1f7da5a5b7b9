package dev.accounts.core.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.wiring.EnvironmentWiring;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every environment restored from one SnapStart snapshot starts with the same memory: a random generator kept in a
 * field (static or not) from before the snapshot would give every one of them the same jti, family, salt or reset
 * token. So no class of the core keeps one; each random value is drawn from a generator made for it. This scans
 * every class of the core's main code.
 */
class SnapStartUniquenessTest {
    @Test
    void noClassOfTheCoreKeepsARandomGeneratorInAField() throws Exception {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(mainClasses())) {
            offenders = files.filter(file -> file.toString().endsWith(".class"))
                    .map(this::load)
                    .flatMap(type -> Stream.of(type.getDeclaredFields()))
                    .filter(field -> Random.class.isAssignableFrom(field.getType())
                            || SplittableRandom.class.isAssignableFrom(field.getType()))
                    .map(field -> field.getDeclaringClass().getName() + "." + field.getName())
                    .toList();
        }
        assertEquals(List.of(), offenders, "random generators kept in fields would be cloned by the snapshot");
    }

    @Test
    void theScanSeesTheCore() throws Exception {
        try (Stream<Path> files = Files.walk(mainClasses())) {
            List<String> seen = files.map(Path::toString).toList();
            for (String where : List.of("OneTimeSecrets.class", "TokenService.class", "SigningKeySet.class")) {
                assertTrue(seen.stream().anyMatch(file -> file.endsWith(where)),
                        "the scan must see the classes that draw random values, or it proves nothing: " + where);
            }
        }
    }

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(EnvironmentWiring.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private Class<?> load(Path file) {
        try {
            String name = mainClassesRelative(file).replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
            return Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new AssertionError("cannot load " + file, e);
        }
    }

    private static String mainClassesRelative(Path file) throws URISyntaxException {
        return mainClasses().relativize(file).toString();
    }
}
