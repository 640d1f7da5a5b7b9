package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One Lambda execution environment of a function: its own handler instance, created (its init) with the
 * function's environment, and its own thread, on which it serves one request at a time. An environment whose
 * invocation timed out is retired, as Lambda resets it; its thread is left to finish on its own.
 */
final class ExecutionEnvironment {

    private final int number;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final long initNanos;
    private final ExecutorService thread;
    private boolean invoked;

    private ExecutionEnvironment(int number, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                 long initNanos, ExecutorService thread) {
        this.number = number;
        this.handler = handler;
        this.initNanos = initNanos;
        this.thread = thread;
    }

    /**
     * Its init: the template's handler class instantiated through its public constructor taking the environment
     * ({@code Map<String,String>}), the one every handler has beside Lambda's no-argument constructor.
     */
    static ExecutionEnvironment start(FunctionSpec spec, Map<String, String> environment, int number) {
        Constructor<?> constructor = handlerConstructor(spec);
        long started = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
        try {
            @SuppressWarnings("unchecked")
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> created =
                    (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(EnvironmentWiring.fromEnvironment(environment));
            handler = created;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(spec.logicalId() + ": " + spec.handlerClass() + " failed to initialise: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(spec.logicalId() + ": cannot instantiate " + spec.handlerClass() + ": " + e, e);
        }
        long initNanos = System.nanoTime() - started;
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, spec.logicalId() + "-env-" + number);
            t.setDaemon(true); // a timed-out invocation still running must not keep the JVM alive
            return t;
        });
        return new ExecutionEnvironment(number, handler, initNanos, thread);
    }

    private static Constructor<?> handlerConstructor(FunctionSpec spec) {
        String className = spec.handlerClass();
        if (spec.handler() == null || className.isBlank()) {
            throw new IllegalStateException(spec.logicalId() + ": the template gives no Handler");
        }
        String method = spec.handler().contains("::") ? spec.handler().substring(spec.handler().indexOf("::") + 2) : "handleRequest";
        if (!method.equals("handleRequest")) {
            throw new IllegalStateException(spec.logicalId() + ": handler method " + method
                    + " is not supported locally; handlers implement RequestHandler.handleRequest");
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(spec.logicalId() + ": handler class " + className
                    + " is not on the class path; build the functions first (mvn -pl local-api -am package -DskipTests)", e);
        }
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(spec.logicalId() + ": " + className + " does not implement RequestHandler");
        }
        try {
            return type.getConstructor(EnvironmentWiring.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(spec.logicalId() + ": " + className + " has no public constructor taking "
                    + "its EnvironmentWiring; the local API wires it from the template's environment", e);
        }
    }

    int number() {
        return number;
    }

    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler() {
        return handler;
    }

    long initMillis() {
        return initNanos / 1_000_000;
    }

    ExecutorService thread() {
        return thread;
    }

    /** The init duration, on this environment's first invocation only (the cold start); -1 afterwards. */
    long takeColdStartInitNanos() {
        if (invoked) {
            return -1;
        }
        invoked = true;
        return initNanos;
    }

    void retire() {
        thread.shutdownNow();
    }
}
