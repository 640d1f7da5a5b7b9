package dev.accounts.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.accounts.devkit.HttpRoute;
import dev.accounts.devkit.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml and template.yaml describe the same routes, so neither can drift from the other. */
class OpenApiMatchesTemplateTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Path TEMPLATE = SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
    private static final Path OPENAPI = TEMPLATE.getParent().resolve("docs/openapi.yaml");

    private static JsonNode openApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile());
    }

    @Test
    void everyTemplateRouteIsDocumentedAndNothingElse() throws IOException {
        Set<String> documented = new TreeSet<>();
        openApi().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (HTTP_METHODS.contains(operation.getKey())) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> served = new TreeSet<>();
        for (HttpRoute route : SamTemplate.load(TEMPLATE).routes()) {
            served.add(route.routeKey());
        }
        assertEquals(served, documented, "routes of " + TEMPLATE + " vs operations of " + OPENAPI);
    }

    @Test
    void everyPathVariableIsDeclaredAsAPathParameter() throws IOException {
        Pattern variable = Pattern.compile("\\{([^}+]+)\\+?}");
        openApi().get("paths").properties().forEach(path -> {
            Matcher matcher = variable.matcher(path.getKey());
            while (matcher.find()) {
                String name = matcher.group(1);
                path.getValue().properties().forEach(operation -> {
                    if (HTTP_METHODS.contains(operation.getKey())) {
                        List<JsonNode> parameters = new ArrayList<>();
                        operation.getValue().path("parameters").forEach(parameters::add);
                        path.getValue().path("parameters").forEach(parameters::add);
                        assertTrue(parameters.stream().anyMatch(p -> p.path("in").asText().equals("path")
                                        && p.path("name").asText().equals(name) && p.path("required").asBoolean()),
                                operation.getKey() + " " + path.getKey() + " does not declare path parameter " + name);
                    }
                });
            }
        });
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode document = openApi();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 10, "the document uses its components");
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), "only local references: " + ref);
            assertTrue(!document.at(ref.substring(1)).isMissingNode(), "unresolved $ref " + ref);
        }
    }

    @Test
    void everyOperationAnswersJsonOrNothing() throws IOException {
        openApi().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!HTTP_METHODS.contains(operation.getKey())) {
                return;
            }
            JsonNode responses = operation.getValue().get("responses");
            assertTrue(responses != null && !responses.isEmpty(), operation.getKey() + " " + path.getKey() + " has no responses");
            responses.properties().forEach(response -> {
                JsonNode content = response.getValue().path("content");
                if (!response.getValue().has("$ref") && !response.getKey().equals("204")) {
                    assertTrue(content.has("application/json"),
                            operation.getKey() + " " + path.getKey() + " " + response.getKey() + " is not JSON");
                }
            });
        }));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
