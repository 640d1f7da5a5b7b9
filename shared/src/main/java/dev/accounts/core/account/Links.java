package dev.accounts.core.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The links e-mails carry: the app's own page (a template parameter) with the values as query parameters. */
final class Links {
    private Links() {}

    static String to(String page, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return page + (page.contains("?") ? "&" : "?") + encoded;
    }
}
