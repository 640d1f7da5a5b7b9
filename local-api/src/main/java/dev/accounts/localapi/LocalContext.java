package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.accounts.devkit.FunctionSpec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The Lambda {@link Context} of one local invocation: the function's name, memory and timeout from the template. */
final class LocalContext implements Context {

    private final FunctionSpec function;
    private final String requestId;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    LocalContext(FunctionSpec function, String requestId, long startedMillis, PrintStream out) {
        this.function = function;
        this.requestId = requestId;
        this.deadlineMillis = startedMillis + function.timeoutSeconds() * 1000L;
        this.logger = new PrintingLogger(out);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + function.logicalId();
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:" + EventMapper.ACCOUNT_ID + ":function:" + function.logicalId();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memorySizeMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Lambda sends a function's log lines to CloudWatch; locally they go to the console with the access log. */
    private record PrintingLogger(PrintStream out) implements LambdaLogger {
        @Override
        public void log(String message) {
            out.println(message);
        }

        @Override
        public void log(byte[] message) {
            out.println(new String(message, StandardCharsets.UTF_8));
        }
    }
}
