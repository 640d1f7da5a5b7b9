package dev.accounts.localapi;

import dev.accounts.devkit.HttpRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's HTTP API routes, matched as API Gateway matches them: a path of literal segments beats one
 * with variables, which beats a greedy {@code {proxy+}}; an explicit method beats {@code ANY}; {@code $default}
 * catches what nothing else does. A request no route matches gets API Gateway's 404.
 */
final class RouteTable {

    /** A route chosen for a request, with its path variables decoded. */
    record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<CompiledRoute> routes;

    RouteTable(List<HttpRoute> routes) {
        this.routes = routes.stream().map(CompiledRoute::new).toList();
    }

    Optional<Match> match(String method, String rawPath) {
        String[] requestSegments = segments(rawPath);
        return routes.stream()
                .filter(r -> r.acceptsMethod(method))
                .map(r -> r.match(requestSegments).map(params -> new Scored(r, params)))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(Scored::score))
                .map(s -> new Match(s.route.route, s.pathParameters));
    }

    private record Scored(CompiledRoute route, Map<String, String> pathParameters) {
        int score() {
            return route.specificity();
        }
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1); // keep a trailing empty segment: "/a/" is not "/a"
    }

    private static final class CompiledRoute {
        private final HttpRoute route;
        private final String[] segments;
        private final boolean catchAll;
        private final boolean greedy;
        private final int literalSegments;

        CompiledRoute(HttpRoute route) {
            this.route = route;
            this.catchAll = "$default".equals(route.path());
            this.segments = catchAll ? new String[0] : segments(route.path());
            this.greedy = !catchAll && segments.length > 0 && segments[segments.length - 1].endsWith("+}");
            int literals = 0;
            for (String segment : segments) {
                if (!isVariable(segment)) {
                    literals++;
                }
            }
            this.literalSegments = literals;
        }

        boolean acceptsMethod(String method) {
            return "ANY".equals(route.method()) || route.method().equalsIgnoreCase(method);
        }

        /** Higher is more specific: no catch-all, no greedy variable, more literal segments, an explicit method. */
        int specificity() {
            if (catchAll) {
                return "ANY".equals(route.method()) ? 0 : 1;
            }
            return (greedy ? 0 : 1_000_000) + literalSegments * 1_000 + segments.length * 10
                    + ("ANY".equals(route.method()) ? 0 : 1) + 2;
        }

        Optional<Map<String, String>> match(String[] request) {
            if (catchAll) {
                return Optional.of(Map.of());
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int last = segments.length - 1;
            if (greedy ? request.length < segments.length : request.length != segments.length) {
                return Optional.empty();
            }
            for (int i = 0; i <= last; i++) {
                String pattern = segments[i];
                if (greedy && i == last) {
                    String rest = String.join("/", java.util.Arrays.copyOfRange(request, i, request.length));
                    if (rest.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(name(pattern), decode(rest));
                } else if (isVariable(pattern)) {
                    if (request[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(name(pattern), decode(request[i]));
                } else if (!pattern.equals(request[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        private static String name(String variable) {
            String inner = variable.substring(1, variable.length() - 1);
            return inner.endsWith("+") ? inner.substring(0, inner.length() - 1) : inner;
        }

        private static String decode(String raw) {
            // percent-decoding only: '+' is a literal plus in a path, not a space
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
