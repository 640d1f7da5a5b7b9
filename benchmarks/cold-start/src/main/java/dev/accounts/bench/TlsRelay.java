package dev.accounts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Storage as a restored Lambda function meets it: over TLS, and with none of the connections it had before
 * the snapshot. The relay takes TLS connections on loopback (a certificate for 127.0.0.1 made here with the
 * JDK's keytool, trusted only by the function JVMs given {@link #trustOptions()}) and forwards the plain bytes
 * to moto. {@link #restart()} closes every connection and starts a new TLS context, so neither a connection
 * nor a TLS session survives it. moto_server's own --ssl certificate names no IP address, which Java's
 * hostname check refuses; terminating TLS here keeps the client's side of it real all the same.
 */
final class TlsRelay implements AutoCloseable {
    private static final char[] PASSWORD = "benchmark".toCharArray();

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final KeyStore keys;
    private final Path trustStore;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile SSLContext tls;

    private TlsRelay(ServerSocket listener, InetSocketAddress target, KeyStore keys, Path trustStore) {
        this.listener = listener;
        this.target = target;
        this.keys = keys;
        this.trustStore = trustStore;
    }

    /** A relay to the plain-HTTP endpoint {@code target}, its certificate made with the keytool of {@code javaHome}. */
    static TlsRelay start(URI target, Path javaHome, Path directory) throws IOException, InterruptedException {
        Path keyStore = directory.resolve("relay-keys.p12");
        Path certificate = directory.resolve("relay.cer");
        Path trustStore = directory.resolve("relay-trust.p12");
        for (Path file : List.of(keyStore, certificate, trustStore)) {
            Files.deleteIfExists(file);
        }
        keytool(javaHome, "-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        keytool(javaHome, "-exportcert", "-alias", "relay", "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD));
        keytool(javaHome, "-importcert", "-noprompt", "-alias", "relay", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TlsRelay relay = new TlsRelay(listener, new InetSocketAddress(target.getHost(), target.getPort()),
                    keys, trustStore);
            relay.tls = relay.newContext();
            Thread acceptor = new Thread(relay::accept, "tls-relay");
            acceptor.setDaemon(true);
            acceptor.start();
            return relay;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot load the relay's key store", e);
        }
    }

    /** The endpoint a function JVM is given instead of moto's. */
    String endpoint() {
        return "https://127.0.0.1:" + listener.getLocalPort();
    }

    /** What makes a function JVM trust the relay's certificate (and nothing else changes for it). */
    List<String> trustOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + new String(PASSWORD));
    }

    /** Closes every connection open now and takes later ones with a new TLS context: no session resumes. */
    void restart() {
        tls = newContext();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private SSLContext newContext() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the relay's TLS", e);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                // The pump writes each TLS record's bytes as they come (an HTTP request's head, then its body):
                // with Nagle's algorithm on, the second write waits for the peer's delayed ACK, 40 ms on Linux,
                // which made every call through the relay take ~55 ms instead of ~8.
                client.setTcpNoDelay(true);
                SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
                secured.setUseClientMode(false);
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                upstream.setTcpNoDelay(true);
                open.add(secured);
                open.add(upstream);
                pump(secured, upstream);
                pump(upstream, secured);
            } catch (IOException e) {
                // the listener closed, or one connection failed: the function sees it as storage trouble
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // closed by restart() or by either end
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tls-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void keytool(Path javaHome, String... arguments) throws IOException, InterruptedException {
        // a short-lived JVM: C1 and the serial collector start it quickest
        List<String> command = new java.util.ArrayList<>(List.of(javaHome.resolve("bin/keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        restart();
    }
}
