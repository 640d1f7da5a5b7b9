package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Runtime API as the runtime interface client sees it, driven here by a plain HTTP client. */
class RuntimeApiServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    /** One server for all tests, as the benchmark uses one for all runs (stopping one takes a second). */
    private static RuntimeApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = RuntimeApiServer.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void handsOutEventsWithLambdasHeadersAndTimesTheirAnswers() throws Exception {
        Invocations invocations = new Invocations("t1", List.of(() -> "{\"n\":1}", () -> "{\"n\":2}"));
        api.expect("login", invocations);

        HttpResponse<String> first = get("invocation/next");
        assertEquals(200, first.statusCode());
        assertEquals("{\"n\":1}", first.body());
        String requestId = first.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        long deadline = Long.parseLong(first.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertTrue(deadline > System.currentTimeMillis());
        assertEquals(RuntimeApiServer.FUNCTION_ARN_PREFIX + "login",
                first.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());

        assertEquals(202, post("invocation/" + requestId + "/response", "{\"statusCode\":200,\"body\":\"{}\"}").statusCode());
        assertTrue(invocations.answered(0) >= invocations.delivered(0));
        assertTrue(invocations.delivered(0) >= invocations.firstPoll());
        assertNull(invocations.failure());
    }

    @Test
    void anAnswerThatIsNotTwoHundredSomethingFailsTheRun() throws Exception {
        Invocations invocations = new Invocations("t2", List.of(() -> "{}"));
        api.expect("login", invocations);
        String requestId = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        post("invocation/" + requestId + "/response", "{\"statusCode\":401,\"body\":\"{}\"}");

        assertNotNull(invocations.failure());
        assertTrue(invocations.failure().contains("HTTP 401"), invocations.failure());
    }

    @Test
    void initAndInvocationErrorsFailTheRun() throws Exception {
        Invocations init = new Invocations("t3", List.of(() -> "{}"));
        api.expect("login", init);
        post("init/error", "{\"errorMessage\":\"boom\"}");
        assertTrue(init.failure().contains("boom"), init.failure());

        Invocations invoke = new Invocations("t4", List.of(() -> "{}"));
        api.expect("login", invoke);
        String requestId = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        post("invocation/" + requestId + "/error", "{\"errorMessage\":\"bang\"}");
        assertTrue(invoke.failure().contains("bang"), invoke.failure());
    }

    @Test
    void restoreNextMarksWherePrimingEndedAndCredentialsNeedTheToken() throws Exception {
        Invocations invocations = new Invocations("t5", List.of(() -> "{}"));
        api.expect("refresh", invocations);

        assertEquals(200, get("restore/next").statusCode());
        assertTrue(invocations.restorePoll() > 0);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(api.credentialsUri())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode());
        HttpResponse<String> credentials = http.send(HttpRequest.newBuilder(URI.create(api.credentialsUri()))
                .header("Authorization", RuntimeApiServer.CREDENTIALS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(credentials.body().contains("\"AccessKeyId\""), credentials.body());
    }

    @Test
    void eventsArePreparedOnlyWhenAskedFor() throws Exception {
        int[] prepared = {0};
        Supplier<String> counting = () -> {
            prepared[0]++;
            return "{}";
        };
        api.expect("logout", new Invocations("t6", List.of(counting, counting)));
        assertEquals(0, prepared[0]);

        get("invocation/next");

        assertEquals(1, prepared[0]);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + RuntimeApiServer.BASE + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + RuntimeApiServer.BASE + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
