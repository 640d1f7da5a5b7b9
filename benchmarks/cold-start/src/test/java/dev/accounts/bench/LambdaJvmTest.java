package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.bench.BenchmarkOptions.Tiering;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaJvmTest {

    @Test
    void heapIsLambdasEightyFivePercentOfTheFunctionsMemory() {
        // the values Lambda's own command line shows for 512 MB and 1024 MB functions
        assertEquals("-XX:MaxHeapSize=445645k", LambdaJvm.maxHeapOption(512));
        assertEquals("-XX:MaxHeapSize=891290k", LambdaJvm.maxHeapOption(1024));
    }

    @Test
    void onDemandStartsStopAtC1AndSnapStartKeepsFullTiering() {
        assertTrue(LambdaJvm.options(512, Tiering.C1).contains("-XX:TieredStopAtLevel=1"));
        assertFalse(LambdaJvm.options(512, Tiering.FULL).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(LambdaJvm.options(512, Tiering.FULL).contains("-XX:+UseSerialGC"));
    }

    @Test
    void runsTheRuntimeClientWithOnlyItsOwnJarsOnTheClassPath() {
        RuntimeClient runtime = new RuntimeClient(Path.of("/var/runtime"),
                List.of(Path.of("/var/runtime/lib/a.jar"), Path.of("/var/runtime/lib/b.jar")),
                Path.of("/var/runtime/lib/jni/libaws-lambda-jni.linux-x86_64.so"));
        List<String> command = LambdaJvm.command(Path.of("/jdk"), 512, Tiering.C1, runtime, List.of("-Dextra=1"),
                "a.b.Handler::handleRequest");

        assertEquals("/jdk/bin/java", command.getFirst());
        assertEquals(List.of("-classpath", "/var/runtime/lib/a.jar:/var/runtime/lib/b.jar", LambdaJvm.ENTRY_POINT,
                "a.b.Handler::handleRequest"), command.subList(command.size() - 4, command.size()));
        assertTrue(command.contains("-D" + LambdaJvm.JNI_PROPERTY + "=/var/runtime/lib/jni/libaws-lambda-jni.linux-x86_64.so"));
        assertTrue(command.contains("-Dextra=1"));
    }
}
