package dev.accounts.bench.baseline.noop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart floor: a stream handler, as the functions are, that reads its event, answers 200 and primes
 * itself on the same path before the snapshot. Its first call after a restore, against its warm calls, is what
 * the runtime client alone costs: no function can do better. It preloads the runtime client's classes as the
 * functions do (shared's RuntimeClientClasses; the harness's tests keep the two lists equal), or a function could
 * measure better than its floor.
 */
public final class PrimedNoopStreamHandler implements RequestStreamHandler, Resource {
    private static final byte[] RESPONSE = "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{}\"}"
            .getBytes(StandardCharsets.UTF_8);
    /** The same names as shared's RuntimeClientClasses.NAMES: this jar stays free of the project's code. */
    public static final List<String> RUNTIME_CLIENT_CLASSES = List.of(
            "com.amazonaws.services.lambda.runtime.api.client.util.ConcurrencyConfig",
            "com.amazonaws.services.lambda.runtime.api.client.api.LambdaContext",
            "com.amazonaws.services.lambda.runtime.LambdaRuntimeInternal",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    public PrimedNoopStreamHandler() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(RESPONSE);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        for (int round = 0; round < 5; round++) {
            handleRequest(new java.io.ByteArrayInputStream(new byte[] {'{', '}'}), new java.io.ByteArrayOutputStream(),
                    null);
        }
        for (String name : RUNTIME_CLIENT_CLASSES) {
            try {
                Class.forName(name, true, PrimedNoopStreamHandler.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notInThisRuntime) {
                // another runtime client version
            }
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew
    }
}
