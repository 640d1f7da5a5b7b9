package dev.accounts.devkit;

/**
 * An HTTP API route of the template: method (upper case, or ANY) and path (e.g.
 * {@code /account/delete-account/{id}}, or {@code $default}), served by one function.
 */
public record HttpRoute(String method, String path, String functionLogicalId) {

    /** API Gateway's route key, e.g. {@code POST /account/login}; {@code $default} for the catch-all. */
    public String routeKey() {
        return "$default".equals(path) ? "$default" : method + " " + path;
    }
}
