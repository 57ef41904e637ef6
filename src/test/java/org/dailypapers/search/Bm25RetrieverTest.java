package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Bm25RetrieverTest {

    private static PaperIndex index;
    private static Bm25Retriever bm25;

    @BeforeAll
    static void build() {
        index = Fixture.index(null);
        bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> search(SearchRequest request) {
        return Fixture.ids(bm25.retrieve(request));
    }

    private static List<String> search(String query) {
        return search(SearchRequest.of(query, 5));
    }

    @Test
    void golden_ranking_for_a_free_text_query() {
        assertThat(search("dense retrieval with BM25")).containsExactly(GOLDEN_DENSE_BM25);
        assertThat(search("diffusion models for video")).containsExactly(GOLDEN_DIFFUSION);
    }

    // 04 "BM25 Is a Strong Baseline for Zero-Shot Retrieval" holds two of the query's three words in its title (title match)
    static final String[] GOLDEN_DENSE_BM25 = {"2401.00003", "2401.00004", "2401.00005", "2401.00018", "2401.00029"};
    static final String[] GOLDEN_DIFFUSION = {"2401.00009", "2401.00007", "2401.00008", "2401.00030", "2401.00006"};

    @Test
    void stemming_matches_other_word_forms() {
        assertThat(search("quantized vectors")).startsWith("2401.00023");
    }

    @Test
    void author_clause_matches_a_full_name_as_a_phrase() {
        assertThat(search("author:\"Jonathan Ho\"")).containsExactlyInAnyOrder("2401.00007", "2401.00009");
        assertThat(search("diffusion author:Rombach")).containsExactly("2401.00008");
        assertThat(search("author:\"Ho Jonathan\"")).isEmpty();
    }

    @Test
    void free_text_also_matches_author_names() {
        assertThat(search("schulman")).containsExactlyInAnyOrder("2401.00010", "2401.00011");
    }

    @Test
    void quoted_phrase_must_occur_in_order() {
        assertThat(search("\"language model\"")).containsExactly("2401.00020", "2401.00002", "2401.00011", "2401.00029", "2401.00017");
        assertThat(search("\"model language\"")).isEmpty();
    }

    @Test
    void exclusion_removes_matches() {
        assertThat(search("diffusion -video")).isNotEmpty().doesNotContain("2401.00009");
    }

    @Test
    void filters_restrict_by_organization_category_date_and_code() {
        SearchRequest diffusion = SearchRequest.of("diffusion", 10);
        assertThat(search(diffusion.withOrganization("Google"))).containsExactly("2401.00009");
        assertThat(search("diffusion org:stability")).containsExactly("2401.00008");
        assertThat(search(diffusion.withHasCode(false))).containsExactly("2401.00009");
        assertThat(search(diffusion.withDays(LocalDate.parse("2024-02-02"), LocalDate.parse("2024-02-05"))))
                .containsExactlyInAnyOrder("2401.00008", "2401.00009");
        assertThat(search(SearchRequest.of("retrieval", 30).withCategory("cs.cv"))).isEmpty();
        assertThat(search("attention cat:cs.CV")).containsExactlyInAnyOrder("2401.00008", "2401.00009");
    }

    @Test
    void an_empty_query_lists_filtered_papers_newest_first() {
        assertThat(search(SearchRequest.of("", 3).withOrganization("openai")))
                .containsExactly("2401.00022", "2401.00020", "2401.00016");
        assertThat(search("org:berkeley")).containsExactlyInAnyOrder("2401.00007", "2401.00027");
    }

    @Test
    void hostile_queries_never_throw() {
        for (String q : List.of("((( AND:", ")))", "\"", "\"\"", "-", "- -", "author:", "org:", "cat:", "title:",
                "*", "?", "~1", "^2", "a:b:c:d", "\\", "/regex/", "[1 TO 5]", "{}", "&&||!", "NOT", "the of and",
                "x".repeat(3000), "word ".repeat(2000), "author:x ".repeat(100), "\u0000\uFFFF\uD800", "日本語 検索")) {
            assertThatCode(() -> bm25.retrieve(SearchRequest.of(q, 10))).as(q.length() > 40 ? q.substring(0, 40) : q)
                    .doesNotThrowAnyException();
        }
        assertThat(search("((( AND:")).isEmpty();
    }

    @Test
    void papers_without_vectors_are_found() {
        assertThat(index.idsWithoutVector()).hasSize(30);
        assertThat(search("protein structure")).startsWith("2401.00015");
    }
}
