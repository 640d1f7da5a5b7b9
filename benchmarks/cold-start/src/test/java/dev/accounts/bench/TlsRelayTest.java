package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore stand-in's relay: real TLS in front of a plain HTTP server, and nothing survives a restart. One
 * relay for the class: making its certificate takes three keytool runs.
 */
class TlsRelayTest {
    @TempDir
    static Path directory;
    private static HttpServer target;
    private static TlsRelay relay;

    @BeforeAll
    static void start() throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            byte[] body = "plain behind TLS".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        relay = TlsRelay.start(URI.create("http://127.0.0.1:" + target.getAddress().getPort()),
                Path.of(System.getProperty("java.home")), directory);
    }

    @AfterAll
    static void stop() {
        relay.close();
        target.stop(0);
    }

    @Test
    void aClientTrustingOnlyTheRelaysCertificateGetsTheTargetsAnswerOverTls() throws Exception {
        try (SSLSocket socket = connect()) {
            assertEquals("plain behind TLS", get(socket));
        }
    }

    @Test
    void aRestartClosesTheConnectionsOpenedBeforeItAndLaterOnesWork() throws Exception {
        try (SSLSocket before = connect()) {
            get(before);
            relay.restart();
            assertThrows(IOException.class, () -> {
                before.getOutputStream().write(request());
                before.getOutputStream().flush();
                if (before.getInputStream().read() < 0) {
                    throw new IOException("closed by the relay");
                }
            });
        }
        try (SSLSocket after = connect()) {
            assertEquals("plain behind TLS", get(after));
        }
    }

    private static SSLSocket connect() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve("relay-trust.p12"))) {
            trust.load(in, "benchmark".toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        URI endpoint = URI.create(relay.endpoint());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(endpoint.getHost(), endpoint.getPort());
        var parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the hostname check a client makes
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }

    private static byte[] request() {
        return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** One request on a kept-alive connection; the body of its answer. */
    private static String get(SSLSocket socket) throws IOException {
        socket.getOutputStream().write(request());
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed");
            }
            head.append((char) c);
        }
        int length = Integer.parseInt(head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow().substring("content-length:".length()).trim());
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
