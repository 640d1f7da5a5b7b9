package dev.accounts.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.SamTemplate;
import dev.accounts.localapi.runtime.InvokeRuntime;
import dev.accounts.localapi.runtime.LambdaContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/invoke}: {@code sam local invoke} without Docker. Runs one function once, in a JVM of its own whose
 * class path is the function's deployment jar, with the environment the template gives it (resources on the
 * local engine, as bin/local-api makes them); the response to stdout, the function's log and a REPORT line to
 * stderr, exit code 1 on a function error or timeout.
 */
public final class LocalInvoke {

    static final String USAGE = """
            usage: bin/invoke FUNCTION [-e EVENT] [--parameter-overrides Name=Value,...] [--env-vars FILE]
                              [--template PATH] [--code CLASSPATH]
              FUNCTION                 the function's logical id in the template, e.g. LoginFunction
              -e, --event EVENT        the event file (e.g. events/login.json); '-' reads stdin; default {}
              --parameter-overrides    template parameters, as for bin/local-api
              --env-vars FILE          JSON as sam takes it: {"Parameters": {VAR: value}, "LoginFunction": {VAR: value}}
              --template PATH          the SAM template (default: template.yaml here or in a directory above)
              --code CLASSPATH         the code to run (default: the functions/*/target jar holding the handler)
            Storage: DYNAMODB_ENDPOINT when set, else a moto_server started for the call.""";

    /** Lambda's limit on a function's init phase, which its Timeout does not include. */
    static final int INIT_LIMIT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalInvoke() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err));
    }

    /** The whole command: its exit code. */
    static int run(String[] args, Map<String, String> processEnvironment, InputStream stdin, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (request == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            Path templateFile = request.template() != null ? request.template()
                    : SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
            SamTemplate template = LocalSenders.load(templateFile, LocalApiOptions.overrides(request.parameterOverrides()));
            FunctionSpec function = template.function(request.function()).orElseThrow(() -> new IllegalArgumentException(
                    "no function " + request.function() + " in " + templateFile + "; its functions: "
                            + template.functions().stream().map(FunctionSpec::logicalId).toList()));
            byte[] event = request.event() == null ? "{}".getBytes()
                    : request.event().equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(request.event()));
            String classPath = request.code() != null ? request.code()
                    : DeploymentJars.holding(templateFile.toAbsolutePath().getParent(), function.handlerClass()).toString();
            try (LocalStorage storage = LocalStorage.start(template, processEnvironment)) {
                Map<String, String> environment = FunctionEnvironment.build(function, storage, err);
                environment.putAll(overrides(request.envVars(), function.logicalId()));
                return runtime(function, classPath, environment, event, out, err);
            }
        } catch (IOException e) {
            err.println("bin/invoke: " + e);
            return 2;
        } catch (RuntimeException e) {
            err.println("bin/invoke: " + e.getMessage());
            return 2;
        }
    }

    /** The function in its own JVM: Lambda's environment and nothing of this one's. */
    private static int runtime(FunctionSpec function, String classPath, Map<String, String> environment, byte[] event,
                               PrintStream out, PrintStream err) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Path scratch = Files.createTempDirectory("invoke-");
        try {
            Path measurements = scratch.resolve("measurements");
            ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-cp", classPath + java.io.File.pathSeparator
                    + RuntimeClass.copyTo(scratch), InvokeRuntime.class.getName(), function.handlerClass(), requestId,
                    Integer.toString(function.timeoutSeconds()), measurements.toString());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().put("TZ", ":UTC");
            builder.environment().putAll(environment);
            Process process = builder.start();
            Thread response = pipe(process.getInputStream(), out);
            Thread log = pipe(process.getErrorStream(), err);
            try (var stdin = process.getOutputStream()) {
                stdin.write(event);
            }
            boolean ended = process.waitFor(INIT_LIMIT_SECONDS + function.timeoutSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
                err.printf("%s Task timed out after %d.00 seconds%n", requestId, function.timeoutSeconds());
            }
            response.join();
            log.join();
            if (ended && Files.exists(measurements)) {
                String[] figures = Files.readString(measurements).split(" ");
                long peak = Long.parseLong(figures[2]);
                err.println(new ReportLine(requestId, Long.parseLong(figures[1]), function.memorySizeMb(),
                        peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak), OptionalLong.of(Long.parseLong(figures[0]))));
            }
            return ended ? process.exitValue() : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            RuntimeClass.deleteQuietly(scratch);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Thread pipe(InputStream from, PrintStream to) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (from) {
                from.transferTo(to);
                to.flush();
            } catch (IOException e) {
                // the child is gone: what it wrote is what there is
            }
        });
    }

    /** The env-vars file's variables for this function: its "Parameters" for every function, then its own entry. */
    private static Map<String, String> overrides(Path envVars, String logicalId) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        if (envVars == null) {
            return variables;
        }
        JsonNode root = JSON.readTree(envVars.toFile());
        for (String section : new String[] {"Parameters", logicalId}) {
            root.path(section).fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        }
        return variables;
    }

    /** The command line, or null for --help. */
    record Request(String function, String event, String parameterOverrides, Path envVars, Path template, String code) {
        static Request parse(String[] args) {
            String function = null;
            String event = null;
            String parameters = "";
            Path envVars = null;
            Path template = null;
            String code = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "-e", "--event" -> event = value(args, ++i, arg);
                    case "--parameter-overrides" -> parameters = parameters + "," + value(args, ++i, arg);
                    case "--env-vars", "-n" -> envVars = Path.of(value(args, ++i, arg));
                    case "--template", "-t" -> template = Path.of(value(args, ++i, arg));
                    case "--code" -> code = value(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("-") || function != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg + "\n" + USAGE);
                        }
                        function = arg;
                    }
                }
            }
            if (function == null) {
                throw new IllegalArgumentException("which function? " + USAGE);
            }
            return new Request(function, event, parameters, envVars, template, code);
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            return args[index];
        }
    }

    /** Keeps the runtime's two classes apart from this JVM's class path, so the child sees the deployment jar alone. */
    private static final class RuntimeClass {
        static String copyTo(Path directory) throws IOException {
            for (Class<?> type : List.of(InvokeRuntime.class, LambdaContext.class)) {
                String resource = type.getName().replace('.', '/') + ".class";
                Path target = directory.resolve("runtime").resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the invoke runtime's class is missing: " + resource);
                    }
                    Files.copy(in, target);
                }
            }
            return directory.resolve("runtime").toString();
        }

        static void deleteQuietly(Path directory) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory: the system cleans it eventually
            }
        }
    }
}
