package dev.accounts.core.priming;

import java.util.List;

/**
 * Class priming for the runtime interface client's own first invocation after a restore. No invocation passes
 * through the client before the snapshot, so the classes it loads for its first one (its per-request context,
 * the flag that context reads, the thread-local it hands the trace id to) would be loaded inside the first
 * user's request: with -Xlog:class+load in the SnapStart stand-in they were the only classes a primed function's
 * first call still loaded (figures in docs/PERFORMANCE.md, step 8). They are loaded by name because they belong to
 * the runtime, not to this package; a runtime without one of them skips it.
 */
public final class RuntimeClientClasses {
    /** As aws-lambda-java-runtime-interface-client 2.10 names them; the benchmark reports which its client has. */
    public static final List<String> NAMES = List.of(
            "com.amazonaws.services.lambda.runtime.api.client.util.ConcurrencyConfig",
            "com.amazonaws.services.lambda.runtime.api.client.api.LambdaContext",
            "com.amazonaws.services.lambda.runtime.LambdaRuntimeInternal",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    private RuntimeClientClasses() {
    }

    /** Loads and initialises each class that {@code loader} can find; returns how many it found. */
    public static int load(ClassLoader loader) {
        return load(NAMES, loader);
    }

    static int load(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, true, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError notInThisRuntime) {
                // another runtime client version: nothing to prime, and nothing wrong
            }
        }
        return loaded;
    }
}
