package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lambda's execution environments on the test template's SlowFunction (ReservedConcurrentExecutions 2, Timeout 1 s):
 * a busy environment makes a new one, the reservation caps them, the Timeout stops an invocation, and every
 * invocation leaves a REPORT line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the pool is counted from its start, before a timeout retires one
class ExecutionEnvironmentsTest {

    private static final Pattern REPORT = Pattern.compile(
            "REPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB");
    private static final TestSupport.Console CONSOLE = new TestSupport.Console();
    private static LocalApi api;

    @BeforeAll
    static void start() {
        api = TestSupport.startTestApi(TestSupport.testTemplate(), CONSOLE);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static CompletableFuture<HttpResponse<String>> slow(int millis) {
        return CompletableFuture.supplyAsync(() -> send(request(api, "/slow?ms=" + millis).GET().build()));
    }

    @Test
    @Order(1)
    void aBusyEnvironmentStartsAnotherUpToTheReservationThenTheFunctionIsThrottled() {
        LocalFunction function = api.functions().get("SlowFunction");
        assertEquals(2, function.maxEnvironments(), "ReservedConcurrentExecutions");
        List<CompletableFuture<HttpResponse<String>>> calls = List.of(slow(700), slow(700), slow(700));
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertEquals(2, answers.stream().filter(r -> r.statusCode() == 200).count(), "two environments served two");
        HttpResponse<String> throttled = answers.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
        assertEquals(500, throttled.statusCode(), "API Gateway's answer to a throttled Lambda");
        assertEquals("{\"message\":\"Internal Server Error\"}", throttled.body());
        assertEquals(2, answers.stream().filter(r -> r.statusCode() == 200).map(r -> json(r).get("instance").asInt())
                .distinct().count(), "each environment is its own handler instance");
        assertEquals(2, function.environmentsStarted());
        assertTrue(CONSOLE.text().contains("SlowFunction cold start: environment 2 of at most 2"), CONSOLE.text());
        assertTrue(CONSOLE.text().contains("SlowFunction throttled: all 2 environments busy"), CONSOLE.text());

        // warm environments are reused: sequential requests start none
        for (int i = 0; i < 3; i++) {
            assertEquals(200, slow(0).join().statusCode());
        }
        assertEquals(2, function.environmentsStarted(), "no new environment while one is idle");
    }

    @Test
    @Order(2)
    void anInvocationPastTheTimeoutIsStoppedAndAnsweredAsAFunctionError() {
        long started = System.nanoTime();
        HttpResponse<String> response = slow(5_000).join();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(500, response.statusCode(), "a Lambda timeout is a function error to API Gateway");
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
        assertTrue(millis < 4_000, "answered at the 1 s Timeout, not after the 5 s the handler wanted: " + millis + " ms");
        assertTrue(Pattern.compile(" Task timed out after 1\\.\\d\\d seconds").matcher(CONSOLE.text()).find(), CONSOLE.text());
        assertEquals(200, slow(0).join().statusCode(), "the function serves again afterwards");
    }

    @Test
    void everyInvocationLeavesAReportLineAndAColdStartItsInitDuration() {
        send(request(api, "/slow?ms=1").GET().build());
        String console = CONSOLE.text();
        assertTrue(REPORT.matcher(console).find(), console);
        assertTrue(Pattern.compile(REPORT.pattern() + "\tInit Duration: \\d+\\.\\d\\d ms").matcher(console).find(),
                "the first invocation of an environment is its cold start: " + console);
    }
}
