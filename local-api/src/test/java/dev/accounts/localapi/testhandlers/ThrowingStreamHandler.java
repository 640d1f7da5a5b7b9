package dev.accounts.localapi.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A function with a bug, as Lambda's runtime calls it: bin/invoke must report the error and exit non-zero. */
public final class ThrowingStreamHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new IllegalStateException("broken on purpose");
    }
}
