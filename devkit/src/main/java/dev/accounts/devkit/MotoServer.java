package dev.accounts.devkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code moto_server} child process on a free loopback port: one server answers every AWS service moto
 * knows (DynamoDB and Secrets Manager among them). {@link #close()} stops the process and its children;
 * a shutdown hook does the same if the JVM exits first, so no process is left behind.
 */
public final class MotoServer implements AutoCloseable {

    static final String EXECUTABLE = "moto_server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stopProcessTree, "moto-server-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code moto_server -H 127.0.0.1 -p <free port>} and returns once it answers HTTP. */
    public static MotoServer start() {
        Path executable = findOnPath(EXECUTABLE).map(MotoServer::behindPyenvShim).orElseThrow(() -> new IllegalStateException(
                "moto_server is not on PATH. A local DynamoDB engine is needed: install moto with "
                        + "`pip install \"moto[server]\"`, or run a Docker engine (LocalStack through Testcontainers), "
                        + "or point DYNAMODB_ENDPOINT at a running DynamoDB-compatible endpoint."));
        IllegalStateException last = null;
        // The free port is only known free when we probe it; another process may take it before moto binds,
        // so a start that dies early is retried on a fresh port.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOn(executable, freeLoopbackPort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static MotoServer startOn(Path executable, int port) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-server-" + port + "-", ".log");
            log.toFile().deleteOnExit();
            process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + executable + ": " + e.getMessage(), e);
        }
        MotoServer server = new MotoServer(process, port, log);
        try {
            server.awaitAnswering();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:50123}; use it as the endpoint override of any SDK client. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The process id of the started command (a pyenv shim may run the real server as its child). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stopProcessTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to unregister
        }
    }

    private void stopProcessTree() {
        // Collect the descendants first: once the parent dies they are re-parented and no longer found.
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        awaitExit(process.toHandle(), tree, Duration.ofSeconds(5));
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        awaitExit(process.toHandle(), tree, Duration.ofSeconds(5));
    }

    private static void awaitExit(ProcessHandle root, List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && (root.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(20);
        }
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue()
                        + " before answering on port " + port + ": " + logTail());
            }
            if (answersHttp()) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("moto_server did not answer on " + endpoint() + " within "
                + START_TIMEOUT.toSeconds() + " s: " + logTail());
    }

    private boolean answersHttp() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The real moto_server behind a pyenv shim, when exactly one installed Python has it: the shim (a bash
     * script that runs pyenv to pick the version) costs about as long again as Python's own start.
     * With several candidates the shim decides, as it would for any other caller.
     */
    static Path behindPyenvShim(Path executable) {
        Path dir = executable.toAbsolutePath().getParent();
        if (dir == null || !dir.getFileName().toString().equals("shims") || dir.getParent() == null) {
            return executable;
        }
        Path versions = dir.getParent().resolve("versions");
        if (!Files.isDirectory(versions)) {
            return executable;
        }
        try (var entries = Files.list(versions)) {
            List<Path> candidates = entries.map(v -> v.resolve("bin").resolve(executable.getFileName().toString()))
                    .filter(c -> Files.isRegularFile(c) && Files.isExecutable(c))
                    .toList();
            return candidates.size() == 1 ? candidates.get(0) : executable;
        } catch (IOException e) {
            return executable;
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for moto_server", e);
        }
    }
}
