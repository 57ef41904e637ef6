package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search in the web app with the default hybrid pipeline running, its embedding model loaded and every paper
 * embedded (SearchWebTest runs BM25 alone): the fast all-MiniLM model on one day of papers (17).
 */
class HybridSearchWebTest {
    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q"), "hf/2026-08-21.json")
                .start();
        instance.app().search().loadEmbedder();
        assertThat(instance.app().search().backfill(1_000)).isEqualTo(17);
        assertThat(instance.app().search().method()).startsWith("hybrid").contains("dense(model=all-minilm-l6-v2-q)");
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    /** As a browser or curl sends them: URL-encoded text the model cannot embed (%ff and %E0%A4 are not UTF-8). */
    @ParameterizedTest
    @ValueSource(strings = {"%00", "%01", "%7F", "%C2%A0", "%E2%80%8B", "%EF%BB%BF", "%CC%81", "%EF%BF%BD", "%ff", "%E0%A4",
        "%E2%80%AE", "%00%E2%80%8B%EF%BB%BF", "author:x%20%00", "%22%00%22", "-x%20%00", "%F0%9F%99%82"})
    void queries_with_nothing_to_embed_get_a_page_never_a_500(String q) throws Exception {
        HttpResponse<String> page = instance.get("/search?q=" + q);
        assertThat(page.statusCode()).as(q).isEqualTo(200);
        assertThat(page.body()).as(q).containsAnyOf("There is nothing to search for in that query", "No papers match");

        HttpResponse<String> api = instance.get("/api/papers/search?q=" + q);
        assertThat(api.statusCode()).as(q).isIn(200, 400);
        JsonNode json = SearchWebTest.JSON.readTree(api.body());
        assertThat(api.statusCode() == 200 ? json.isArray() : !json.path("error").asText().isBlank()).as(q).isTrue();
    }

    @Test
    void nothing_to_embed_plus_a_filter_lists_what_the_filter_selects() {
        List<String> filtered = SearchWebTest.resultIds(instance.get("/search?q=%00&org=google").body());
        assertThat(filtered).isNotEmpty().isEqualTo(SearchWebTest.resultIds(instance.get("/search?org=google").body()));
    }

    @Test
    void nonsense_says_no_papers_match_and_the_api_list_is_empty() throws Exception {
        for (String q : List.of("xqzvbnmw", "qwpoeiru zxmvnb")) {
            HttpResponse<String> page = instance.get("/search?q=" + SearchWebTest.q(q));
            assertThat(page.statusCode()).as(q).isEqualTo(200);
            assertThat(page.body()).as(q).contains("No papers match").doesNotContain("About this ranking");
            assertThat(SearchWebTest.resultIds(page.body())).as(q).isEmpty();

            HttpResponse<String> api = instance.get("/api/papers/search?q=" + SearchWebTest.q(q));
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(SearchWebTest.JSON.readTree(api.body())).as(q).isEmpty();
            assertThat(api.headers().firstValue("X-Total-Count")).as(q).hasValue("0");
        }
    }

    @Test
    void the_page_says_how_many_papers_and_keeps_the_run_tag_behind_a_disclosure() throws Exception {
        HttpResponse<String> page = instance.get("/search?q=" + SearchWebTest.q("video generation"));
        int shown = SearchWebTest.resultIds(page.body()).size();
        HttpResponse<String> api = instance.get("/api/papers/search?q=" + SearchWebTest.q("video generation"));
        String total = api.headers().firstValue("X-Total-Count").orElseThrow();
        assertThat(Integer.parseInt(total)).isGreaterThanOrEqualTo(shown).isGreaterThan(0).isLessThanOrEqualTo(17);
        assertThat(page.body()).contains("<p class=\"result-count\" role=\"status\">About " + total + " papers</p>")
                .doesNotContain("Ranked by")
                .containsPattern("<details class=\"method\">\\s*<summary>About this ranking</summary>(?s).*<code>hybrid\\[bm25");
        assertThat(api.headers().firstValue("X-Search-Method")).hasValueSatisfying(m -> assertThat(m).startsWith("hybrid[bm25"));
    }

    @Test
    void letters_among_invisible_characters_are_still_searched_by_meaning() {
        // "4DAnyone: Create Anyone in 4D from a Casual Monocular Video", asked with zero-width spaces and a BOM
        HttpResponse<String> page = instance.get("/search?q=%EF%BB%BFanimating%E2%80%8B%20a%20person%20in%20three%20dimensions"
                + "%20from%20one%20camera%00%20clip");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(SearchWebTest.resultIds(page.body())).contains("2608.20335");
    }

    @Test
    void the_id_of_a_paper_we_do_not_have_says_so() {
        for (String pasted : new String[] {"2501.00000", "https://arxiv.org/abs/2501.00000v2", "https://huggingface.co/papers/2501.00000",
            "arXiv:2501.00000"}) {
            HttpResponse<String> page = instance.get("/search?q=" + SearchWebTest.q(pasted));
            assertThat(page.statusCode()).as(pasted).isEqualTo(200);
            assertThat(page.body()).as(pasted).contains("No paper 2501.00000 here yet.");
            assertThat(SearchWebTest.resultIds(page.body())).as(pasted).isEmpty();
        }
    }

    @Test
    void the_id_of_a_paper_we_have_still_goes_straight_to_it() {
        HttpResponse<String> response = instance.get("/search?q=" + SearchWebTest.q("https://arxiv.org/abs/2608.20335"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("/papers/2608.20335");
    }
}
