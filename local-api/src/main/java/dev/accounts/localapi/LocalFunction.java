package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.devkit.FunctionSpec;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function of the template, as one Lambda execution environment: its handler is created once, with the
 * function's environment, and serves one request at a time, as a Lambda instance does (the handler need not
 * be thread-safe, and it is not made to look so by sharing it between concurrent requests).
 */
final class LocalFunction {

    private final FunctionSpec spec;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    private LocalFunction(FunctionSpec spec, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.spec = spec;
        this.handler = handler;
    }

    /**
     * Instantiates the template's handler class through its public constructor taking the environment
     * ({@code Map<String,String>}), the one every handler has beside Lambda's no-argument constructor.
     */
    static LocalFunction create(FunctionSpec spec, Map<String, String> environment) {
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
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(EnvironmentWiring.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(spec.logicalId() + ": " + className + " has no public constructor taking "
                    + "its EnvironmentWiring; the local API wires it from the template's environment", e);
        }
        try {
            @SuppressWarnings("unchecked")
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                    (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(EnvironmentWiring.fromEnvironment(environment));
            return new LocalFunction(spec, handler);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(spec.logicalId() + ": " + className + " failed to initialise: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(spec.logicalId() + ": cannot instantiate " + className + ": " + e, e);
        }
    }

    FunctionSpec spec() {
        return spec;
    }

    /** The function's answer, and whether it ran past the template's Timeout. */
    record Invocation(APIGatewayV2HTTPResponse response, boolean overran) {}

    Invocation invoke(APIGatewayV2HTTPEvent event, String requestId, PrintStream out) {
        oneAtATime.lock();
        try {
            // Lambda's timeout runs from when an environment takes the request, not while the request waits for one.
            LocalContext context = new LocalContext(spec, requestId, System.currentTimeMillis(), out);
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
            return new Invocation(response, context.getRemainingTimeInMillis() == 0);
        } finally {
            oneAtATime.unlock();
        }
    }
}
