package org.dailypapers.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in distributed mode whose Solr cannot be reached degrades instead of failing: searches, the search page and
 * a paper page with its similar papers answer from the node's own index, the search page says search runs in a
 * reduced mode, and {@code /health} says where searches run. A Solr that accepts connections but never answers
 * costs one search a bounded wait, not every search a long one.
 */
class SolrFallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_node_that_cannot_reach_solr_answers_from_its_own_index() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> env = env("http://127.0.0.1:" + closedPort + "/solr");
        env.put("DAILYPAPERS_SEARCH_METHOD", "hybrid");
        env.put("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q");
        env.put("DAILYPAPERS_EMBED", "true");
        try (TestInstance node = TestInstance.withEnv(dir.resolve("refused"), env, "hf/2026-08-20.json").start()) {
            PaperSearch search = node.app().search();
            assertThat(search.backendState()).as("before any search failed").isEqualTo("solr");
            search.startBackground();
            waitFor("the model loads and every paper has its vector", () -> search.status().modelLoaded()
                    && search.status().withoutVector() == 0 && search.warmingUpNotice().isEmpty());

            List<ScoredPaper> found = search.search(SearchRequest.of("diffusion", 10));
            assertThat(found).as("answered from the node's own index").isNotEmpty();
            assertThat(search.backendState()).isEqualTo("solr-unreachable, local fallback");
            assertThat(search.method()).as("the local pipeline's tag").contains("all-minilm");
            String first = found.get(0).id();
            List<ScoredPaper> similar = search.similar(new ArxivId(first), 5);
            assertThat(similar).as("similar papers from the local vectors").hasSize(5);

            HttpResponse<String> page = node.get("/search?q=diffusion");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("/papers/" + first, "reduced mode");
            HttpResponse<String> paper = node.get("/papers/" + first);
            assertThat(paper.statusCode()).as(paper.body()).isEqualTo(200);
            assertThat(paper.body()).contains("Similar papers", "/papers/" + similar.get(0).id());
            HttpResponse<String> health = node.get("/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode h = JSON.readTree(health.body());
            assertThat(h.path("search").path("backend").asText()).isEqualTo("solr-unreachable, local fallback");
        }
    }

    @Test
    void a_solr_that_never_answers_costs_one_search_a_bounded_wait() throws Exception {
        // accepts connections (the kernel's backlog) and never answers: requests wait for their timeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TestInstance node = TestInstance.withEnv(dir.resolve("silent"),
                        env("http://127.0.0.1:" + silent.getLocalPort() + "/solr"), "hf/2026-08-20.json")) {
            PaperSearch search = node.app().search();
            long t0 = System.nanoTime();
            List<ScoredPaper> first = search.search(SearchRequest.of("diffusion", 10));
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(first).isNotEmpty();
            assertThat(firstMs).as("the search that found Solr silent waited its bounded timeout")
                    .isGreaterThanOrEqualTo(SolrConfig.of("http://x/solr").queryTimeout().toMillis() - 500).isLessThan(10_000);
            t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(search.search(SearchRequest.of("model", 10))).isNotEmpty();
            }
            long nextMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(nextMs).as("the next searches, within the back-off, do not wait for Solr").isLessThan(3_000);
            assertThat(search.backendState()).isEqualTo("solr-unreachable, local fallback");
        }
    }

    private static Map<String, String> env(String solrUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("DAILYPAPERS_SEARCH_BACKEND", "solr");
        env.put("DAILYPAPERS_SOLR_URL", solrUrl);
        env.put("DAILYPAPERS_SOLR_COLLECTION", "fallback_test");
        env.put("DAILYPAPERS_SEARCH_METHOD", "bm25");
        env.put("DAILYPAPERS_EMBED", "false");
        return env;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
