package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/openapi.json} describes what is served: every route under {@code /api/} is documented and
 * everything documented is a registered route (with its method), and the document is valid OpenAPI 3.1 to a
 * real parser (swagger-parser). Hugging Face's Markdown view ({@code /papers/{id}.md}) is documented too.
 */
class OpenApiDocumentTest {
    @TempDir
    Path dir;

    @Test
    void the_document_and_the_registered_api_routes_are_the_same_set() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dir, "hf/2026-08-21.json").start()) {
            HttpResponse<String> response = instance.get("/api/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode doc = new ObjectMapper().readTree(response.body());
            assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");

            Set<String> documented = new TreeSet<>();
            doc.path("paths").properties().forEach(path -> path.getValue().properties()
                    .forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

            Set<String> served = new TreeSet<>();
            Javalin web = instance.app().web();
            web.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(e -> e.endpoint)
                    .filter(e -> e.method.isHttpMethod() && e.path.startsWith("/api/"))
                    .forEach(e -> served.add(e.method.name() + " " + e.path.replaceAll("<([^>]+)>", "{$1}")));
            assertThat(served).as("the routes (a sanity check that they were read)").contains("GET /api/daily_papers");

            Set<String> documentedApi = new TreeSet<>(documented);
            documentedApi.removeIf(route -> !route.contains(" /api/"));
            assertThat(documentedApi).as("documented /api/ routes = registered /api/ routes").isEqualTo(served);
            // the Hugging Face-compatible routes outside /api/: the page route serves {id}.md and content negotiation
            assertThat(documented).contains("GET /papers/{id}.md", "GET /papers/{id}");
            assertThat(instance.get("/papers/2608.19880.md").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_document_is_valid_openapi_to_swagger_parser() throws Exception {
        try (TestInstance instance = TestInstance.withFixtures(dir).start()) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIParser().readContents(instance.get("/api/openapi.json").body(), null, options);
            assertThat(result.getMessages()).as("parser messages").isEmpty();
            assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
            assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/daily_papers", "/api/papers", "/api/papers/{id}",
                    "/api/papers/submit", "/papers/{id}.md");
            assertThat(result.getOpenAPI().getComponents().getSchemas().get("Paper").getProperties())
                    .containsKeys("numComments", "discussionId", "submittedOnDailyBy", "linkedModels", "linkedDatasets", "linkedSpaces");
            // huggingface_hub's list_papers() sends no q, and the route answers it (SearchWebTest, HfClientCompatibilityTest)
            assertThat(result.getOpenAPI().getPaths().get("/api/papers/search").getGet().getParameters())
                    .filteredOn(p -> p.getName().equals("q")).singleElement()
                    .satisfies(q -> assertThat(q.getRequired()).as("q required").isNotEqualTo(Boolean.TRUE));
        }
    }
}
