package dev.accounts.localapi.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda {@link Context} of one local invocation, for the local API and bin/invoke's runtime alike: the
 * function's name and memory from the template, the time left before its Timeout, and a logger to the console
 * (where Lambda would write to CloudWatch). Depends on nothing but the JDK and Lambda's interfaces, since bin/invoke
 * puts it beside a deployment jar.
 */
public final class LambdaContext implements Context, LambdaLogger {

    /** The account id of every local ARN. */
    public static final String ACCOUNT_ID = "123456789012";

    private final String functionName;
    private final int memoryLimitMb;
    private final String requestId;
    private final long deadlineMillis;
    private final PrintStream log;

    /** {@code timeoutSeconds} counts from now: Lambda's timeout runs from when an environment takes the request. */
    public LambdaContext(String functionName, int memoryLimitMb, int timeoutSeconds, String requestId, PrintStream log) {
        this.functionName = functionName;
        this.memoryLimitMb = memoryLimitMb;
        this.requestId = requestId;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
        this.log = log;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + functionName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT_ID + ":function:" + functionName;
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
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public void log(String message) {
        log.println(message);
    }

    @Override
    public void log(byte[] message) {
        log.println(new String(message, StandardCharsets.UTF_8));
    }
}
