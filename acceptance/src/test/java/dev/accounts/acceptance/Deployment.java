package dev.accounts.acceptance;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.priming.PrimedFunction;
import dev.accounts.core.testing.TestStack;
import dev.accounts.devkit.LocalMail;
import dev.accounts.devkit.EnvironmentValue;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.HttpRoute;
import dev.accounts.devkit.SamTemplate;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions of template.yaml as Lambda would run them, on a {@link TestStack}: for each function, the handler
 * class its {@code Handler} names, built with exactly the environment the template gives that function (table
 * and secret names resolved to the stack's), plus what Lambda's runtime adds (region, credentials) and the local
 * endpoints. A request goes to the function whose route matches it, as API Gateway routes it; so a function that
 * lacks a variable it needs, or a route that names the wrong function, fails here as it would once deployed.
 */
final class Deployment implements AutoCloseable {
    /** Set by the Lambda runtime or pointing at the local engine: never by the template. */
    private static final List<String> RUNTIME_VARIABLES = List.of("AWS_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "DYNAMODB_ENDPOINT", "SECRETSMANAGER_ENDPOINT", "SES_ENDPOINT");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final SamTemplate template;
    private final TestStack stack;
    private final Clock clock;
    private final AwsCallRecorder recorder;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
            new ConcurrentHashMap<>();

    private Deployment(SamTemplate template, TestStack stack, Clock clock, AwsCallRecorder recorder) {
        this.template = template;
        this.stack = stack;
        this.clock = clock;
        this.recorder = recorder;
    }

    /** Wired as in Lambda: each handler's environment constructor; keys read from the stack's secret. */
    static Deployment of(TestStack stack) {
        return new Deployment(SamTemplate.locate(), stack, null, null);
    }

    /** As {@link #of}, with template parameters overridden as `sam deploy --parameter-overrides` does. */
    static Deployment of(TestStack stack, Map<String, String> parameterOverrides) {
        return new Deployment(SamTemplate.load(Repository.file(SamTemplate.FILE_NAME), parameterOverrides), stack, null, null);
    }

    /** Wired through each handler's EnvironmentWiring constructor, with the given clock and the stack's key set. */
    static Deployment withClock(TestStack stack, Clock clock) {
        return new Deployment(SamTemplate.locate(), stack, clock, null);
    }

    /**
     * As {@link #of}, with every AWS call of every function recorded on its way to the engine, priming included:
     * each handler is primed as SnapStart primes it (the template publishes SnapStart versions) before it answers.
     */
    static Deployment recordingAwsCalls(TestStack stack) {
        // with e-mail on, every function that may send sends on the journey
        SamTemplate template = SamTemplate.load(Repository.file(SamTemplate.FILE_NAME), mailParameters());
        return new Deployment(template, stack, null, new AwsCallRecorder(stack.engine()));
    }

    /** As {@link #of}, with e-mail on: the e-mails go to the tests' local mail server, {@link LocalMail#shared()}. */
    static Deployment withMail(TestStack stack) {
        return of(stack, mailParameters());
    }

    /** The sender of {@link #withMail} and {@link #recordingAwsCalls}, verified on the tests' local mail server. */
    static final String MAIL_FROM = "accounts@localhost.test";

    /** MailFrom (verified on the local mail server now) and EmailVerification optional: every kind of e-mail is sent. */
    private static Map<String, String> mailParameters() {
        LocalMail.shared().verifySender(MAIL_FROM);
        return Map.of("MailFrom", MAIL_FROM, "EmailVerification", "optional");
    }

    /** The calls recorded for each function (only for {@link #recordingAwsCalls}). */
    AwsCallRecorder recorder() {
        return recorder;
    }

    /** The functions that have answered a request so far. */
    Set<String> invokedFunctions() {
        return Set.copyOf(handlers.keySet());
    }

    /** Sends the request to the function of the route it matches, filling routeKey and pathParameters as API Gateway does. */
    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context.getHttp().getMethod();
        String path = withoutStage(event.getRawPath(), context.getStage());
        for (HttpRoute route : template.routes()) {
            Optional<Map<String, String>> parameters = match(route.path(), path);
            if (route.method().equals(method) && parameters.isPresent()) {
                event.setRouteKey(route.routeKey());
                context.setRouteKey(route.routeKey());
                event.setPathParameters(parameters.get().isEmpty() ? null : parameters.get());
                return handler(route.functionLogicalId()).handleRequest(event, null);
            }
        }
        throw new AssertionError("no route of template.yaml matches " + method + " " + event.getRawPath());
    }

    /** The environment the template gives the function, resolved against the stack. */
    Map<String, String> environment(String functionId) {
        FunctionSpec function = function(functionId);
        Map<String, String> environment = new LinkedHashMap<>();
        RUNTIME_VARIABLES.stream().filter(stack.env()::containsKey)
                .forEach(name -> environment.put(name, stack.env().get(name)));
        if (recorder != null) {
            environment.putAll(recorder.endpointsFor(functionId));
        }
        function.environment().forEach((name, value) -> environment.put(name, switch (value) {
            case EnvironmentValue.Literal literal -> literal.value();
            case EnvironmentValue.ResourceRef ref -> resourceName(ref.logicalId());
            case EnvironmentValue.Unresolved unresolved -> throw new AssertionError(
                    functionId + " " + name + " needs a deployed stack: " + unresolved.expression());
        }));
        if (!environment.getOrDefault("MAIL_FROM", "").isBlank()) {
            environment.putIfAbsent("SES_ENDPOINT", LocalMail.shared().endpoint()); // the recorder's, when recording
        }
        return environment;
    }

    /** The stack's name of the template's resource: its table name or secret ARN. */
    String resourceName(String logicalId) {
        return switch (logicalId) {
            case "UsersTable" -> stack.usersTable();
            case "RevokedTokensTable" -> stack.revokedTokensTable();
            case "SigningKeySecret" -> stack.env().get("SIGNING_KEY_SECRET_ID");
            case "SigningPublicKeySecret" -> stack.publicKeySecretId();
            default -> throw new AssertionError("the test stack has no resource " + logicalId);
        };
    }

    @Override
    public void close() {
        if (recorder != null) {
            recorder.close();
        }
    }

    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String functionId) {
        return handlers.computeIfAbsent(functionId, this::build);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> build(String functionId) {
        String className = function(functionId).handlerClass();
        Map<String, String> environment = environment(functionId);
        try {
            Class<?> type = Class.forName(className);
            Object handler = clock == null
                    ? type.getConstructor(EnvironmentWiring.class).newInstance(EnvironmentWiring.fromEnvironment(environment))
                    : type.getConstructor(EnvironmentWiring.class).newInstance(EnvironmentWiring.withKeys(environment, clock, stack::keys));
            if (recorder != null) {
                ((PrimedFunction) handler).beforeCheckpoint(null);
            }
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        } catch (InvocationTargetException e) {
            throw new AssertionError(functionId + ": " + className + " failed to start with " + environment.keySet(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(functionId + ": no handler " + className + " with the constructor the test needs", e);
        }
    }

    private FunctionSpec function(String functionId) {
        return template.function(functionId)
                .orElseThrow(() -> new AssertionError("template.yaml has no function " + functionId));
    }

    /** A named stage is the first segment of the path API Gateway passes on; $default adds none. */
    private static String withoutStage(String rawPath, String stage) {
        if (stage == null || "$default".equals(stage)) {
            return rawPath;
        }
        String prefix = "/" + stage;
        if (!rawPath.startsWith(prefix + "/")) {
            throw new AssertionError(rawPath + " is not under its stage " + stage);
        }
        return rawPath.substring(prefix.length());
    }

    /** The route's {name} segments as they appear in the path; empty when the path is not the route's. */
    private static Optional<Map<String, String>> match(String routePath, String path) {
        Matcher parameter = PATH_PARAMETER.matcher(routePath);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int literalStart = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(routePath.substring(literalStart, parameter.start()))).append("([^/]+)");
            names.add(parameter.group(1));
            literalStart = parameter.end();
        }
        regex.append(Pattern.quote(routePath.substring(literalStart)));
        Matcher matcher = Pattern.compile(regex.toString()).matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            parameters.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(parameters);
    }
}
