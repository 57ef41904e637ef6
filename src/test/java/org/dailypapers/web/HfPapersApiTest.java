package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rest of Hugging Face's papers API over HTTP, on SQLite and on PostgreSQL: the submitter filter, the
 * fields of {@code /api/papers/{id}} (discussion id, linked repositories kept across re-imports), the paper as
 * Markdown with content negotiation.
 */
class HfPapersApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static TestInstance instance(Path dir, String store, String... fixtures) throws Exception {
        if (store.equals("postgresql")) {
            TestPostgres.requireServer();
            return TestInstance.withEnv(dir, Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase()), fixtures).start();
        }
        return TestInstance.withFixtures(dir, fixtures).start();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("paper").path("id").asText(item.path("id").asText())));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void daily_papers_filter_by_submitter(String store) throws Exception {
        try (TestInstance instance = instance(dir, store, "hf")) {
            JsonNode day = json(instance.get("/api/daily_papers?date=2026-08-21&submitter=taesiri"));
            assertThat(day).hasSize(2);
            day.forEach(item -> assertThat(item.path("paper").path("submittedOnDailyBy").path("user").asText()).isEqualTo("taesiri"));

            // without a period: every day's, newest first
            JsonNode every = json(instance.get("/api/daily_papers?submitter=taesiri"));
            assertThat(every).hasSize(5);
            assertThat(every.get(0).path("publishedAt").asText()).isGreaterThanOrEqualTo(every.get(4).path("publishedAt").asText());
            JsonNode week = json(instance.get("/api/daily_papers?week=2026-W34&submitter=taesiri&sort=upvotes&limit=2"));
            assertThat(week).hasSize(2);
            assertThat(json(instance.get("/api/daily_papers?submitter=taesiri&sort=trending"))).hasSize(5);
            HttpResponse<String> paged = instance.get("/api/daily_papers?submitter=taesiri&limit=3&p=1");
            assertThat(json(paged)).hasSize(2);
            assertThat(instance.get("/api/daily_papers?submitter=taesiri&limit=3").headers().firstValue("link"))
                    .hasValueSatisfying(link -> assertThat(link).contains("submitter=taesiri").contains("p=1"));

            assertThat(json(instance.get("/api/daily_papers?submitter=nobody-here"))).isEmpty();
            HttpResponse<String> tooLong = instance.get("/api/daily_papers?submitter=" + "x".repeat(201));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(json(tooLong).path("error").asText()).contains("submitter");
            assertThat(instance.get("/api/daily_papers?submitter=").statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void paper_info_carries_comments_discussion_submitter_and_linked_repositories(String store) throws Exception {
        try (TestInstance instance = instance(dir, store, "hf")) {
            JsonNode paper = json(instance.get("/api/papers/2608.19880"));
            assertThat(paper.path("numComments").asInt()).isEqualTo(1);
            assertThat(paper.path("discussionId").asText()).isEqualTo("6a87afc589e517cbfd75dbe0");
            assertThat(paper.path("submittedOnDailyBy").path("user").asText()).isEqualTo("taesiri");
            for (String field : List.of("linkedModels", "linkedDatasets", "linkedSpaces")) {
                assertThat(paper.path(field).isArray()).as(field).isTrue();
                assertThat(paper.path(field)).as(field).isEmpty();
            }
            assertThat(paper.path("numTotalModels").asInt(-1)).isZero();

            // Hugging Face gives links: they are kept, and a later import without them (or without the
            // discussion id) loses nothing
            Path linked = dir.resolve("linked");
            Files.createDirectories(linked);
            String item = """
                    [{"paper": {"id": "2608.19880", "title": "EnvHarness: Awakening Static Worlds for Agent Learning",
                      "summary": "s", "publishedAt": "2026-08-20T00:00:00.000Z", "authors": [{"name": "Chengsong Huang"}],
                      "submittedOnDailyAt": "2026-08-21T01:00:00.000Z", "upvotes": 163 %s},
                      "publishedAt": "2026-08-21T01:00:00.000Z", "title": "EnvHarness", "numComments": 1 %s}]
                    """;
            Files.writeString(linked.resolve("2026-08-21.json"), item.formatted(", \"discussionId\": \"6a87afc589e517cbfd75dbe0\"",
                    ", \"linkedModels\": [{\"id\": \"google/envharness-7b\"}], \"linkedDatasets\": [{\"id\": \"google/envharness-tasks\"}],"
                            + " \"linkedSpaces\": [{\"id\": \"google/envharness-demo\"}, {\"id\": \"<script>\"}]"));
            instance.app().importer().importPaths(List.of(linked), org.dailypapers.ingest.ImportProgress.NONE);
            Files.writeString(linked.resolve("2026-08-21.json"), item.formatted("", ""));
            instance.app().importer().importPaths(List.of(linked), org.dailypapers.ingest.ImportProgress.NONE);
            instance.importFixtures("hf");

            paper = json(instance.get("/api/papers/2608.19880"));
            assertThat(paper.path("linkedModels").get(0).path("id").asText()).isEqualTo("google/envharness-7b");
            assertThat(paper.path("numTotalModels").asInt()).isEqualTo(1);
            assertThat(paper.path("linkedDatasets").get(0).path("id").asText()).isEqualTo("google/envharness-tasks");
            assertThat(paper.path("linkedSpaces")).as("a list with an id that is no repository id is not taken").isEmpty();
            assertThat(paper.path("discussionId").asText()).isEqualTo("6a87afc589e517cbfd75dbe0");

            JsonNode old = json(instance.get("/api/papers/2405.14333"));
            assertThat(old.has("discussionId")).isFalse();
            assertThat(old.path("linkedModels")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_paper_as_markdown_by_suffix_or_accept_header_never_mixed_up_with_the_html_page(String store) throws Exception {
        try (TestInstance instance = instance(dir, store, "hf")) {
            Visitor visitor = new Visitor(instance::url);
            HttpResponse<String> md = visitor.get("/papers/2608.19880.md");
            assertThat(md.statusCode()).isEqualTo(200);
            assertThat(md.headers().firstValue("content-type")).hasValue("text/markdown; charset=utf-8");
            assertThat(md.body()).startsWith("# EnvHarness: Awakening Static Worlds for Agent Learning\n")
                    .contains("**Authors:** Chengsong Huang, ")
                    .contains("- [arXiv](<https://arxiv.org/abs/2608.19880>)")
                    .contains("- [PDF](<https://arxiv.org/pdf/2608.19880>)")
                    .contains("](<https://github.com/google-research/envharness>)")
                    .contains("## Abstract\n\n")
                    .contains("## Discussion\n\nNo comments yet.")
                    .doesNotContain("<html");

            // the same URL, twice each way, in alternation: the shared page cache keeps them apart
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> asMarkdown = visitor.get("/papers/2608.19880", Map.of("Accept", "text/markdown"));
                assertThat(asMarkdown.headers().firstValue("content-type")).hasValue("text/markdown; charset=utf-8");
                assertThat(asMarkdown.headers().allValues("vary")).anySatisfy(v -> assertThat(v).contains("Accept"));
                assertThat(asMarkdown.body()).isEqualTo(md.body());
                HttpResponse<String> asHtml = visitor.get("/papers/2608.19880",
                        Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
                assertThat(asHtml.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
                assertThat(asHtml.headers().allValues("vary")).anySatisfy(v -> assertThat(v).contains("Accept"));
                assertThat(asHtml.body()).contains("<html").doesNotStartWith("# ");
            }
            assertThat(visitor.get("/papers/2608.19880", Map.of("Accept", "text/markdown;q=0.5, text/html")).body()).contains("<html");

            assertThat(visitor.get("/papers/2608.19880v2.md").headers().firstValue("location")).hasValue("/papers/2608.19880.md");
            assertThat(visitor.get("/papers/2699.99999.md").statusCode()).isEqualTo(404);
            assertThat(visitor.get("/papers/nonsense.md").statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void every_paper_in_cursor_pages_that_papers_added_meanwhile_never_shift(String store) throws Exception {
        try (TestInstance instance = instance(dir, store, "hf/2026-08-20.json", "hf/2026-08-21.json")) {
            List<String> seen = new ArrayList<>();
            String next = "/api/papers?limit=7";
            int pages = 0;
            while (next != null) {
                HttpResponse<String> page = instance.get(next);
                assertThat(page.statusCode()).as(next).isEqualTo(200);
                JsonNode items = json(page);
                assertThat(items.size()).isBetween(1, 7);
                items.forEach(p -> assertThat(p.path("title").asText()).isNotEmpty());
                seen.addAll(ids(items));
                if (pages++ == 1) {
                    // papers arrive between two pages: those sorting before the cursor are not repeated, nothing is skipped
                    instance.importFixtures("hf/2024-05-27.json", "hf/2024-05-28.json");
                }
                next = page.headers().firstValue("link")
                        .map(link -> link.replaceFirst("^<http://[^/]+(/[^>]+)>; rel=\"next\"$", "$1")).orElse(null);
                if (next != null) {
                    assertThat(next).matches("/api/papers\\?limit=7&cursor=[A-Za-z0-9_-]+");
                }
            }
            assertThat(seen).doesNotHaveDuplicates().isSorted();
            assertThat(seen).hasSize(32).contains("2608.19880");
            assertThat(json(instance.get("/api/papers")).size()).isEqualTo(50); // the default limit, of 60 papers now
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/papers?cursor=garbage!", "/api/papers?cursor=djE6bm90LWFuLWlk", "/api/papers?cursor=djI6MjYwOC4xOTg4MA",
            "/api/papers?limit=0", "/api/papers?limit=101", "/api/papers?limit=ten", "/api/papers?cursor=%00%01"})
    void bad_cursors_and_limits_get_a_json_400(String path) throws Exception {
        try (TestInstance instance = instance(dir, "sqlite", "hf/2026-08-21.json")) {
            HttpResponse<String> response = instance.get(path);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(json(response).path("error").asText()).containsAnyOf("cursor", "limit");
        }
    }
}
