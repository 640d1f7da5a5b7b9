package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.accounts.devkit.HttpRoute;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private static final RouteTable.Match DELETE = new RouteTable.Match(
            new HttpRoute("DELETE", "/account/delete-account/{id}", "DeleteAccountFunction"), Map.of("id", "u-1"));
    private static final RouteTable.Match LOGIN = new RouteTable.Match(
            new HttpRoute("POST", "/account/login", "LoginFunction"), Map.of());
    private static final Instant AT = Instant.parse("2025-03-12T19:03:58.123Z");

    private static APIGatewayV2HTTPEvent event(RouteTable.Match match, String method, String path, String query,
                                               Map<String, List<String>> headers, byte[] body) {
        return EventMapper.toEvent(new IncomingRequest(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1", 3000),
                match, "req-1", AT);
    }

    @Test
    void headersAreLowerCasedAndRepeatedValuesCommaJoined() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("Authorization", List.of("Bearer abc"));
        headers.put("X-Forwarded-For", List.of("1.1.1.1", "2.2.2.2"));
        headers.put("User-Agent", List.of("curl/8"));
        APIGatewayV2HTTPEvent event = event(DELETE, "DELETE", "/account/delete-account/u-1", null, headers, new byte[0]);
        assertEquals("Bearer abc", event.getHeaders().get("authorization"));
        assertEquals("1.1.1.1,2.2.2.2, 127.0.0.1", event.getHeaders().get("x-forwarded-for"), "API Gateway appends the client");
        assertFalse(event.getHeaders().containsKey("Authorization"));
    }

    @Test
    void forwardingHeadersSayHowTheClientCame() {
        APIGatewayV2HTTPEvent event = event(LOGIN, "POST", "/account/login", null, Map.of(), new byte[0]);
        assertEquals("127.0.0.1", event.getHeaders().get("x-forwarded-for"));
        assertEquals("3000", event.getHeaders().get("x-forwarded-port"));
        assertEquals("http", event.getHeaders().get("x-forwarded-proto"));
    }

    @Test
    void cookiesLeaveTheHeadersForTheCookiesList() {
        Map<String, List<String>> headers = Map.of("Cookie", List.of("a=1; b=2", "c=3"));
        APIGatewayV2HTTPEvent event = event(LOGIN, "POST", "/account/login", null, headers, new byte[0]);
        assertEquals(List.of("a=1", "b=2", "c=3"), event.getCookies());
        assertFalse(event.getHeaders().containsKey("cookie"));
    }

    @Test
    void routeRawPathQueryAndPathParameters() {
        APIGatewayV2HTTPEvent event = event(DELETE, "DELETE", "/account/delete-account/u-1", "a=1&b=x%20y&a=2&flag",
                Map.of(), new byte[0]);
        assertEquals("2.0", event.getVersion());
        assertEquals("DELETE /account/delete-account/{id}", event.getRouteKey());
        assertEquals("/account/delete-account/u-1", event.getRawPath());
        assertEquals("a=1&b=x%20y&a=2&flag", event.getRawQueryString());
        assertEquals(Map.of("a", "1,2", "b", "x y", "flag", ""), event.getQueryStringParameters());
        assertEquals(Map.of("id", "u-1"), event.getPathParameters());
    }

    @Test
    void absentPartsAreAbsentAsApiGatewaySendsThem() {
        APIGatewayV2HTTPEvent event = event(LOGIN, "POST", "/account/login", null, Map.of(), new byte[0]);
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getCookies());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void requestContextCarriesIdsMethodPathSourceAndTime() {
        Map<String, List<String>> headers = Map.of("Host", List.of("localhost:3000"), "User-Agent", List.of("curl/8"));
        APIGatewayV2HTTPEvent.RequestContext context =
                event(LOGIN, "POST", "/account/login", null, headers, new byte[0]).getRequestContext();
        assertEquals("req-1", context.getRequestId());
        assertEquals("POST /account/login", context.getRouteKey());
        assertEquals("$default", context.getStage());
        assertEquals("localhost:3000", context.getDomainName());
        assertEquals("localhost", context.getDomainPrefix());
        assertEquals(AT.toEpochMilli(), context.getTimeEpoch());
        assertEquals("12/Mar/2025:19:03:58 +0000", context.getTime());
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("/account/login", context.getHttp().getPath());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("curl/8", context.getHttp().getUserAgent());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
    }

    @Test
    void jsonBodyIsTextAndOtherBodiesAreBase64() {
        byte[] json = "{\"username\":\"zoë\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent text = event(LOGIN, "POST", "/account/login", null,
                Map.of("Content-Type", List.of("application/json; charset=utf-8")), json);
        assertEquals("{\"username\":\"zoë\"}", text.getBody());
        assertFalse(text.getIsBase64Encoded());

        for (String type : new String[] {"application/octet-stream", "application/x-www-form-urlencoded", "image/png"}) {
            APIGatewayV2HTTPEvent binary = event(LOGIN, "POST", "/account/login", null, Map.of("Content-Type", List.of(type)), json);
            assertTrue(binary.getIsBase64Encoded(), type);
            assertEquals(Base64.getEncoder().encodeToString(json), binary.getBody());
        }
        APIGatewayV2HTTPEvent noType = event(LOGIN, "POST", "/account/login", null, Map.of(), json);
        assertTrue(noType.getIsBase64Encoded(), "a body without Content-Type is passed as binary");
    }

    @Test
    void invalidUtf8UnderAJsonTypeStaysBase64SoTheFunctionCanRejectIt() {
        byte[] broken = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        APIGatewayV2HTTPEvent event = event(LOGIN, "POST", "/account/login", null,
                Map.of("Content-Type", List.of("application/json")), broken);
        assertTrue(event.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(broken), event.getBody());
    }

    @Test
    void textualTypes() {
        assertTrue(EventMapper.isTextual("application/json"));
        assertTrue(EventMapper.isTextual("Application/JSON;charset=UTF-8"));
        assertTrue(EventMapper.isTextual("application/problem+json"));
        assertTrue(EventMapper.isTextual("text/plain"));
        assertFalse(EventMapper.isTextual("multipart/form-data; boundary=x"));
        assertFalse(EventMapper.isTextual(null));
    }
}
