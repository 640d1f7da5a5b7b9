package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseMapperTest {

    @Test
    void statusHeadersMultiValueHeadersCookiesAndBody() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(429)
                .withHeaders(Map.of("Content-Type", "application/json", "Retry-After", "30"))
                .withMultiValueHeaders(Map.of("content-type", List.of("text/plain"), "Vary", List.of("a", "b")))
                .withCookies(List.of("a=1; Secure", "b=2"))
                .withBody("{\"detail\":\"x\"}")
                .build();
        OutgoingResponse http = ResponseMapper.toHttp(response, "req-9");
        assertEquals(429, http.status());
        assertEquals(List.of("30"), http.headers().get("Retry-After"));
        assertEquals(List.of("application/json", "text/plain"), http.headers().get("Content-Type"),
                "one header name whatever the case; multi-value entries add to single ones");
        assertEquals(List.of("a", "b"), http.headers().get("Vary"));
        assertEquals(List.of("a=1; Secure", "b=2"), http.headers().get("Set-Cookie"));
        assertEquals(List.of("req-9"), http.headers().get("apigw-requestid"));
        assertEquals("{\"detail\":\"x\"}", new String(http.body(), StandardCharsets.UTF_8));
    }

    @Test
    void base64BodyIsDecoded() {
        byte[] bytes = {0, 1, (byte) 0xFF};
        OutgoingResponse http = ResponseMapper.toHttp(APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build(), "r");
        assertArrayEquals(bytes, http.body());
    }

    @Test
    void unusableResponsesBecomeApiGatewaysInternalServerError() {
        for (APIGatewayV2HTTPResponse bad : new APIGatewayV2HTTPResponse[] {
                null,
                new APIGatewayV2HTTPResponse(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("%%%").withIsBase64Encoded(true).build()}) {
            OutgoingResponse http = ResponseMapper.toHttp(bad, "r");
            assertEquals(500, http.status());
            assertEquals("{\"message\":\"Internal Server Error\"}", new String(http.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void noBodyIsAnEmptyBody() {
        assertEquals(0, ResponseMapper.toHttp(APIGatewayV2HTTPResponse.builder().withStatusCode(204).build(), "r").body().length);
    }
}
