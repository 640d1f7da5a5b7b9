package dev.accounts.localapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a request into the API Gateway HTTP API payload-2.0 event Lambda would receive: header names lower
 * case and repeated values comma-joined, X-Forwarded-For/Port/Proto added, cookies moved out of the headers
 * into {@code cookies}, query
 * parameters decoded and comma-joined, path parameters from the route's variables, and the body as text when
 * its Content-Type is textual (and it is valid UTF-8), else base64 with {@code isBase64Encoded}.
 */
final class EventMapper {

    static final String ACCOUNT_ID = dev.accounts.localapi.runtime.LambdaContext.ACCOUNT_ID;
    static final String API_ID = "local";
    static final String STAGE = "$default";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EventMapper() {
    }

    static APIGatewayV2HTTPEvent toEvent(IncomingRequest request, RouteTable.Match match, String requestId, Instant receivedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        // API Gateway adds these; locally the scheme is plain http, so an issuer taken from the request is too
        headers.merge("x-forwarded-for", request.sourceIp(), (sent, client) -> sent + ", " + client);
        headers.put("x-forwarded-port", Integer.toString(request.localPort()));
        headers.put("x-forwarded-proto", "http");
        String host = headers.getOrDefault("host", "127.0.0.1");
        String contentType = headers.get("content-type");
        Body body = body(request.body(), contentType);

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method())
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(match.route().routeKey())
                .withAccountId(ACCOUNT_ID)
                .withStage(STAGE)
                .withApiId(API_ID)
                .withDomainName(host)
                .withDomainPrefix(domainPrefix(host))
                .withTime(REQUEST_TIME.format(receivedAt))
                .withTimeEpoch(receivedAt.toEpochMilli())
                .withHttp(http)
                .withRequestId(requestId)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQuery()))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.text())
                .withIsBase64Encoded(body.base64())
                .withRequestContext(context)
                .build();
    }

    private record Body(String text, boolean base64) {
    }

    private static Body body(byte[] bytes, String contentType) {
        if (bytes == null || bytes.length == 0) {
            return new Body(null, false);
        }
        if (isTextual(contentType)) {
            try {
                return new Body(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString(), false);
            } catch (CharacterCodingException notUtf8) {
                // text would lose the bad bytes; base64 lets the function see (and reject) them
            }
        }
        return new Body(Base64.getEncoder().encodeToString(bytes), true);
    }

    /** The media types API Gateway passes as text; everything else (form posts and no Content-Type included) is base64. */
    static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript") || type.equals("application/graphql");
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.strip());
            }
        }
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String domainPrefix(String host) {
        String name = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
