package dev.accounts.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default issuer comes from API Gateway's request context only: no header a client sends can move it. */
class PublicBaseUrlTest {
    @Test
    void clientHeadersNeverReachTheIssuer() {
        HttpApiEvent event = HttpApiEvent.post("/account/login", "{}").domain("abc123.execute-api.eu-west-1.amazonaws.com")
                .stage("prod").header("x-forwarded-proto", "http").header("host", "evil.example")
                .header("x-forwarded-host", "evil.example");

        assertEquals(Optional.of("https://abc123.execute-api.eu-west-1.amazonaws.com/prod"),
                ApiRequest.from(event.build()).publicBaseUrl());
    }

    @Test
    void theDefaultStageAddsNoPathAndACustomDomainIsKept() {
        assertEquals(Optional.of("https://auth.example.com"), ApiRequest.from(HttpApiEvent.get("/x")
                .domain("auth.example.com").stage("$default").header("x-forwarded-proto", "gopher").build()).publicBaseUrl());
    }

    /** API Gateway never has a loopback domain; the local API does, and serves plain http. */
    @Test
    void onlyALoopbackDomainIsPlainHttp() {
        assertEquals(Optional.of("http://127.0.0.1:3000"), ApiRequest.from(HttpApiEvent.get("/x")
                .domain("127.0.0.1:3000").stage("$default").build()).publicBaseUrl());
        assertEquals(Optional.of("http://localhost:3000"), ApiRequest.from(HttpApiEvent.get("/x")
                .domain("localhost:3000").stage("$default").build()).publicBaseUrl());
    }
}
