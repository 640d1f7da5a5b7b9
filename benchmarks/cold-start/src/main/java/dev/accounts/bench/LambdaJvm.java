package dev.accounts.bench;

import dev.accounts.bench.BenchmarkOptions.Tiering;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line Lambda's Java runtime starts a function with, as far as it can be had outside Lambda.
 * Taken from the runtime's own process arguments as published for java17/java21 (the java25 runtime keeps them
 * and, for SnapStart and provisioned concurrency, drops the C1 limit):
 * <pre>
 * java -XX:MaxHeapSize=&lt;85% of memory&gt;k -XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile=... \
 *      -XX:+TieredCompilation -XX:TieredStopAtLevel=1 --add-opens=java.base/java.io=ALL-UNNAMED \
 *      -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac -Djava.net.preferIPv4Stack=true \
 *      -XX:+ErrorFileToStderr -D...NativeClient.JNI=/var/runtime/lib/jni/... \
 *      -classpath /var/runtime/lib/*.jar com.amazonaws.services.lambda.runtime.api.client.AWSLambda &lt;handler&gt;
 * </pre>
 * Differences here: -Xshare:auto with the JDK's default CDS archive instead of Lambda's own archive of the
 * runtime's classes, and Temurin instead of Corretto. Both apply to the baselines alike.
 */
final class LambdaJvm {
    static final String ENTRY_POINT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private LambdaJvm() {
    }

    /** Lambda gives the heap 85% of the function's memory, in KiB (445645k for 512 MB). */
    static String maxHeapOption(int memoryMb) {
        return "-XX:MaxHeapSize=" + Math.round(memoryMb * 1024 * 0.85) + "k";
    }

    /** The JVM options alone, as printed in the report. */
    static List<String> options(int memoryMb, Tiering tiering) {
        List<String> options = new ArrayList<>();
        options.add(maxHeapOption(memoryMb));
        options.add("-XX:+UseSerialGC");
        options.add("-Xshare:auto");
        options.add("-XX:+TieredCompilation");
        if (tiering == Tiering.C1) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        options.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        options.add("-Djava.net.preferIPv4Stack=true");
        options.add("-XX:+ErrorFileToStderr");
        return options;
    }

    static List<String> command(Path javaHome, int memoryMb, Tiering tiering, RuntimeClient runtime,
                                List<String> extraOptions, String handler) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(options(memoryMb, tiering));
        command.add("-D" + JNI_PROPERTY + "=" + runtime.jniLibrary());
        command.addAll(extraOptions);
        command.add("-classpath");
        command.add(runtime.classPath());
        command.add(ENTRY_POINT);
        command.add(handler);
        return command;
    }
}
