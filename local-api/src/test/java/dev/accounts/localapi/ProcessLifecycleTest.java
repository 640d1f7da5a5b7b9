package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Run as a program, the local API stops on Ctrl-C (SIGINT) or SIGTERM and leaves no process behind. */
class ProcessLifecycleTest {

    private static final Pattern READY = Pattern.compile("Local API ready on (http://\\S+) in (\\d+) ms");

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void stopsWithItsStorageOnSignal(String signal) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalApi.class.getName(), "--port", "0", "--template", TestSupport.testTemplate().toString())
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try {
            String baseUrl = awaitReady(lines, process);
            int status = TestSupport.send(HttpRequest.newBuilder(URI.create(baseUrl + "/things/1")).GET().build()).statusCode();
            System.out.printf("local API (as a program) answered its first request %d ms after the JVM was spawned%n",
                    (System.nanoTime() - spawned) / 1_000_000);
            assertEquals(200, status);
            List<ProcessHandle> children = process.descendants().toList();
            assertFalse(children.isEmpty(), "moto_server runs as a child of the local API");

            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the local API did not stop on SIG" + signal);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "left behind: " + children);
            int port = URI.create(baseUrl).getPort();
            assertFalse(acceptsConnections(port), "port " + port + " still open");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5_000);
        }
    }

    private static String awaitReady(BlockingQueue<String> lines, Process process) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    return ready.group(1);
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the local API did not report ready:\n" + seen);
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
