package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.devkit.HttpRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = new RouteTable(List.of(
            new HttpRoute("POST", "/account/login", "Login"),
            new HttpRoute("DELETE", "/account/delete-account/{id}", "Delete"),
            new HttpRoute("GET", "/files/{path+}", "Files"),
            new HttpRoute("GET", "/files/readme", "Readme"),
            new HttpRoute("ANY", "/account/login", "AnyLogin")));

    private String functionFor(String method, String path) {
        return routes.match(method, path).map(m -> m.route().functionLogicalId()).orElse("404");
    }

    @Test
    void matchesExactPathsAndMethods() {
        assertEquals("Login", functionFor("POST", "/account/login"));
        assertEquals("AnyLogin", functionFor("GET", "/account/login"), "ANY takes the methods nobody else claims");
        assertEquals("404", functionFor("POST", "/account/login/"), "no trailing slash, as in the contract");
        assertEquals("404", functionFor("POST", "/account"));
        assertEquals("404", functionFor("GET", "/account/delete-account/42"), "the method is part of the route");
    }

    @Test
    void extractsDecodedPathParameters() {
        RouteTable.Match match = routes.match("DELETE", "/account/delete-account/a%20b+c").orElseThrow();
        assertEquals(Map.of("id", "a b+c"), match.pathParameters());
        assertEquals("DELETE /account/delete-account/{id}", match.route().routeKey());
        assertEquals("404", functionFor("DELETE", "/account/delete-account/"), "an empty variable matches nothing");
        assertEquals("404", functionFor("DELETE", "/account/delete-account/1/2"));
    }

    @Test
    void literalRouteBeatsGreedyOne() {
        assertEquals("Readme", functionFor("GET", "/files/readme"));
        RouteTable.Match greedy = routes.match("GET", "/files/docs/a.txt").orElseThrow();
        assertEquals("Files", greedy.route().functionLogicalId());
        assertEquals(Map.of("path", "docs/a.txt"), greedy.pathParameters());
        assertEquals("404", functionFor("GET", "/files/"));
    }

    @Test
    void defaultRouteCatchesTheRest() {
        RouteTable withDefault = new RouteTable(List.of(
                new HttpRoute("ANY", "$default", "Fallback"),
                new HttpRoute("POST", "/account/login", "Login")));
        assertEquals("Login", withDefault.match("POST", "/account/login").orElseThrow().route().functionLogicalId());
        RouteTable.Match fallback = withDefault.match("GET", "/anything/else").orElseThrow();
        assertEquals("Fallback", fallback.route().functionLogicalId());
        assertEquals("$default", fallback.route().routeKey());
        assertTrue(fallback.pathParameters().isEmpty());
    }
}
