package dev.accounts.core.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeClientClassesTest {

    @Test
    void loadsAndInitialisesTheClassesTheRuntimeHasAndSkipsTheOthers() throws Exception {
        // A fresh loader, so "initialised" is this test's doing and not an earlier test's.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
                RuntimeClientClassesTest.class.getProtectionDomain().getCodeSource().getLocation()}, null)) {
            int loaded = RuntimeClientClasses.load(List.of(Initialised.class.getName(), "com.example.NotInThisRuntime"),
                    loader);

            assertEquals(1, loaded);
            assertEquals("yes", System.getProperty(Initialised.MARK),
                    "loaded with its static initialiser run, as the first invocation would");
        }
    }

    @Test
    void findsTheLambdaCoreClassTheRuntimeContextReads() {
        // aws-lambda-java-core is on every function's class path; the client's own classes exist only on Lambda.
        assertEquals(1, RuntimeClientClasses.load(List.of(RuntimeClientClasses.NAMES.get(2)),
                RuntimeClientClassesTest.class.getClassLoader()));
    }

    public static final class Initialised {
        static final String MARK = "runtime-client-classes-test.initialised";

        static {
            System.setProperty(MARK, "yes"); // reading a field would initialise it; this tells without touching it
        }
    }
}
