package dev.accounts.core.priming;

import dev.accounts.core.http.HttpApiEvent;
import java.util.Optional;

/**
 * The requests a function sends itself while priming: real payload 2.0 events along its real path, on a domain no
 * real API has, under a trace id that samples nothing (as Lambda gives every invocation one).
 */
public final class PrimingEvents {
    /** Never a real API's host: tokens minted for priming name an issuer no request will ever have. */
    public static final String DOMAIN = "priming.invalid";
    /** An X-Ray trace id that samples nothing. */
    public static final String TRACE_ID = "Root=1-00000000-000000000000000000000000;Sampled=0";

    private PrimingEvents() {}

    public static HttpApiEvent post(String path, String jsonBody) {
        return shaped(HttpApiEvent.post(path, jsonBody));
    }

    public static HttpApiEvent patch(String path, String jsonBody) {
        return shaped(HttpApiEvent.patch(path, jsonBody));
    }

    public static HttpApiEvent get(String path) {
        return shaped(HttpApiEvent.get(path));
    }

    public static HttpApiEvent delete(String path) {
        return shaped(HttpApiEvent.delete(path));
    }

    /** The public base URL a handler derives for these requests. */
    public static Optional<String> baseUrl() {
        return Optional.of("https://" + DOMAIN);
    }

    private static HttpApiEvent shaped(HttpApiEvent event) {
        return event.domain(DOMAIN).requestId("priming").header("user-agent", "priming")
                .header("x-amzn-trace-id", TRACE_ID);
    }
}
