package dev.accounts.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.devkit.HttpRoute;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stage's DefaultRouteSettings throttle: ThrottlingRateLimit requests a second with bursts up to
 * ThrottlingBurstLimit, counted per route as API Gateway counts them. Without either setting nothing is throttled
 * here (API Gateway's account-wide default, 10,000 a second, is beyond what a local run reaches).
 */
final class RouteThrottle {

    private final Optional<Limits> limits;
    private final Map<HttpRoute, TokenBucket> buckets = new ConcurrentHashMap<>();

    private record Limits(double ratePerSecond, int burst) {}

    private RouteThrottle(Optional<Limits> limits) {
        this.limits = limits;
    }

    /** From the HttpApi's Properties. */
    static RouteThrottle from(JsonNode httpApiProperties) {
        JsonNode settings = httpApiProperties.path("DefaultRouteSettings");
        JsonNode rate = settings.path("ThrottlingRateLimit");
        JsonNode burst = settings.path("ThrottlingBurstLimit");
        if (rate.isMissingNode() && burst.isMissingNode()) {
            return new RouteThrottle(Optional.empty());
        }
        // Parameters arrive as text ("100"); an unset half takes API Gateway's account default.
        return new RouteThrottle(Optional.of(new Limits(rate.isMissingNode() ? 10_000 : rate.asDouble(),
                burst.isMissingNode() ? 5_000 : burst.asInt())));
    }

    /** False when the route's bucket is empty: API Gateway answers 429 without calling the function. */
    boolean admit(HttpRoute route) {
        return limits.map(l -> buckets.computeIfAbsent(route, r -> new TokenBucket(l.ratePerSecond(), l.burst())).tryTake())
                .orElse(true);
    }

    String describe() {
        return limits.map(l -> String.format("%s requests/s, bursts of %d, per route", l.ratePerSecond(), l.burst()))
                .orElse("none");
    }
}
