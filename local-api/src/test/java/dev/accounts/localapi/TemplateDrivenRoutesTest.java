package dev.accounts.localapi;

import static dev.accounts.localapi.TestSupport.json;
import static dev.accounts.localapi.TestSupport.request;
import static dev.accounts.localapi.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template is the only source of routes: a function and route added to it are served, no code changed. */
class TemplateDrivenRoutesTest {

    private static final String EXTRA_FUNCTION = """

              ExtraFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.accounts.localapi.testhandlers.EchoHandler::handleRequest
                  Environment:
                    Variables:
                      EXTRA_SETTING: !Sub '${Greeting}-extra'
                  Events:
                    Api:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Path: /extra/{name}/details
                        Method: PATCH
            """;

    @Test
    void aRouteAddedToTheTemplateIsServed(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, Files.readString(TestSupport.testTemplate()) + EXTRA_FUNCTION);
        TestSupport.Console console = new TestSupport.Console();
        try (LocalApi api = TestSupport.startTestApi(template, console)) {
            HttpResponse<String> response = send(request(api, "/extra/zoe/details")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                    .header("Content-Type", "application/json").build());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = json(response);
            assertEquals("ExtraFunction", answer.get("functionName").asText());
            assertEquals("PATCH /extra/{name}/details", answer.get("event").get("routeKey").asText());
            assertEquals("zoe", answer.get("event").get("pathParameters").get("name").asText());
            assertEquals("{\"a\":1}", answer.get("event").get("body").asText());
            assertEquals("hello-extra", answer.get("environment").get("EXTRA_SETTING").asText());
            assertEquals("ThingsTable", answer.get("environment").get("THINGS_TABLE").asText(), "Globals apply to it too");

            assertEquals(200, send(request(api, "/things/1").GET().build()).statusCode(), "the other routes stay");
            assertEquals(404, send(request(api, "/extra/zoe/details").GET().build()).statusCode(), "only the declared method");
        }
    }
}
