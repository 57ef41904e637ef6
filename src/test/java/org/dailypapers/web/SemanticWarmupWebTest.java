package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding backlog as the web app shows it: while most papers lack a vector, hybrid search ranks by BM25
 * (no query encoding) and says that semantic search is warming up; {@code /health} and {@code /admin/search}
 * give the backlog. One day of papers (17) and the fast MiniLM model; the steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SemanticWarmupWebTest {
    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q",
                "DAILYPAPERS_ADMINS", "root@example.org"), "hf/2026-08-21.json").start();
        instance.app().search().loadEmbedder();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    @Order(1)
    void with_few_papers_embedded_search_ranks_by_words_and_says_it_is_warming_up() throws Exception {
        assertThat(instance.app().search().backfill(5)).isEqualTo(5);

        HttpResponse<String> page = instance.get("/search?q=" + SearchWebTest.q("video generation"));
        assertThat(page.body()).contains("Semantic search warming up: 29% of papers embedded");
        HttpResponse<String> api = instance.get("/api/papers/search?q=" + SearchWebTest.q("video generation"));
        assertThat(api.headers().firstValue("X-Search-Method")).hasValueSatisfying(m -> assertThat(m).startsWith("bm25("));

        JsonNode health = SearchWebTest.JSON.readTree(instance.get("/health").body()).path("search");
        assertThat(health.path("indexed").asInt()).isEqualTo(17);
        assertThat(health.path("warmingUp").asBoolean()).isTrue();
        assertThat(health.path("backlog").path("papers").asInt()).isEqualTo(12);
        assertThat(health.path("backlog").path("papersPerSecond").asDouble()).isPositive();
        assertThat(health.path("backlog").path("etaSeconds").asLong()).isPositive();
    }

    @Test
    @Order(2)
    void the_search_status_page_is_for_administrators_and_shows_the_backlog() {
        Visitor anonymous = new Visitor(instance::url);
        anonymous.get("/signin");
        assertThat(anonymous.get("/admin/search").statusCode()).isEqualTo(401);
        assertThat(instance.signedIn("eve@example.org").get("/admin/search").statusCode()).isEqualTo(403);

        HttpResponse<String> page = instance.signedIn("root@example.org").get("/admin/search");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Search status</h1>")
                .containsPattern("Papers waiting for a vector</th><td>12</td>")
                .contains("Semantic search warming up");
    }

    @Test
    @Order(3)
    void once_most_papers_are_embedded_search_is_hybrid_and_the_note_is_gone() throws Exception {
        assertThat(instance.app().search().backfill(1_000)).isEqualTo(12);
        Thread.sleep(1_100); // the backlog's counts are kept for a second

        HttpResponse<String> page = instance.get("/search?q=" + SearchWebTest.q("video generation"));
        assertThat(page.body()).doesNotContain("warming up").contains("<code>hybrid[bm25");
        JsonNode health = SearchWebTest.JSON.readTree(instance.get("/health").body()).path("search");
        assertThat(health.path("warmingUp").asBoolean()).isFalse();
        assertThat(health.path("backlog").path("papers").asInt()).isZero();
        assertThat(health.path("backlog").path("etaSeconds").asLong()).isZero();
        assertThat(instance.signedIn("root@example.org").get("/admin/search").body()).contains("<td>done</td>");
    }
}
