package dev.accounts.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Test helpers: the test template, a console to read back, plain HTTP calls. */
final class TestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestSupport() {
    }

    static Path testTemplate() {
        try {
            return Path.of(TestSupport.class.getResource("/test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PrintStream whose text can be read back, echoing to the real console for test logs. */
    static final class Console {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                buffer.write(b);
                System.out.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
                System.out.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    static LocalApi startTestApi(Path template, Console console) {
        return LocalApi.start(new LocalApiOptions(template, "127.0.0.1", 0, Map.of()), System.getenv(), console.stream);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(LocalApi api, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
