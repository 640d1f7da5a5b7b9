package dev.accounts.reliability;

/** The routes of the contract, each served by one function's handler. */
enum Endpoint {
    CREATE_ACCOUNT("POST", "/account/create-account"),
    LOGIN("POST", "/account/login"),
    REFRESH("POST", "/account/refresh"),
    LOGOUT("POST", "/account/logout"),
    DELETE_ACCOUNT("DELETE", "/account/delete-account/{id}"),
    VERIFY("POST", "/account/verify"),
    JWKS("GET", "/.well-known/jwks.json"),
    OPENID_CONFIGURATION("GET", "/.well-known/openid-configuration");

    final String method;
    final String route;

    Endpoint(String method, String route) {
        this.method = method;
        this.route = route;
    }

    /** The raw path of a request to this route, with `id` in place of {id} where there is one. */
    String path(String id) {
        return route.replace("{id}", id);
    }
}
