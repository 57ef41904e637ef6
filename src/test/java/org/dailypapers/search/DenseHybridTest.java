package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dense, hybrid and Rocchio search with the real all-MiniLM-L6-v2-q model (loaded once) on the fixture. */
class DenseHybridTest {

    private static Embedder embedder;
    private static PaperIndex index;

    @BeforeAll
    static void build() {
        embedder = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q);
        index = Fixture.index(embedder);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        ((OnnxEmbedder) embedder).close();
    }

    private static List<String> search(String method, String query) {
        SearchEngine engine = new SearchEngine(index, embedder, SearchPipeline.named(method, embedder.modelId()));
        return Fixture.ids(engine.retrieve(SearchRequest.of(query, 5)));
    }

    @Test
    void embeddings_are_unit_length() {
        float[] v = embedder.embedQuery("graph neural networks");
        double n = 0;
        for (float x : v) n += x * x;
        assertThat(v).hasSize(384);
        assertThat(n).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void dense_finds_papers_without_shared_words() {
        // no fixture paper says "make pictures from noise": the diffusion papers should still come first
        assertThat(search("dense", "make pictures from random noise")).first().isIn("2401.00007", "2401.00008");
    }

    @Test
    void nonsense_finds_nothing_although_the_dense_side_alone_returns_neighbours() {
        for (String q : List.of("xqzvbnmw", "qwpoeiru zxmvnb")) {
            assertThat(search("dense", q)).as(q).hasSize(5);
            for (String method : List.of("hybrid", "hybrid-rrf", "hybrid+prf")) {
                assertThat(search(method, q)).as(method + " " + q).isEmpty();
            }
        }
    }

    @Test
    void a_query_sharing_no_word_keeps_the_papers_close_in_meaning() {
        String q = "photorealistic pictures";
        assertThat(search("bm25", q)).isEmpty();
        assertThat(search("hybrid", q)).isNotEmpty().hasSizeLessThan(5).first().isIn("2401.00007", "2401.00008", "2401.00009", "2401.00027", "2401.00028");
    }

    @Test
    void clauses_the_dense_side_cannot_check_keep_only_lexical_matches() {
        // by quotes or by the capitalised words after author:, the person Noam Shazeer (01, 02) and nobody else
        for (String q : List.of("author:\"Noam Shazeer\" language models", "author:Noam Shazeer language models")) {
            assertThat(search("hybrid", q)).as(q).isNotEmpty().isSubsetOf("2401.00001", "2401.00002");
        }
        assertThat(search("hybrid", "diffusion -video")).isNotEmpty().doesNotContain("2401.00009");
    }

    @Test
    void golden_rankings_per_method() {
        String q = "combining keyword search with neural retrievers";
        assertThat(search("bm25", q)).containsExactly(GOLDEN.get(0));
        assertThat(search("dense", q)).containsExactly(GOLDEN.get(1));
        assertThat(search("dense+prf", q)).containsExactly(GOLDEN.get(2));
        assertThat(search("hybrid", q)).containsExactly(GOLDEN.get(3));
        assertThat(search("hybrid+prf", q)).containsExactly(GOLDEN.get(4));
        assertThat(search("bm25+rm3", q)).containsExactly(GOLDEN.get(5));
        assertThat(search("hybrid-rrf", q)).containsExactly(GOLDEN.get(6));
    }

    @Test
    void golden_dense_prf_ranking_differs_from_dense_where_feedback_moves_it() {
        // with the default query weight 0.9 feedback moves little: on the query above dense+prf keeps the dense
        // order, so pin one where the feedback (the diffusion papers' mean) lifts the image transformer above
        // the radiance-field paper. RocchioExpanderTest checks the expanded vector itself.
        String q = "make pictures from random noise";
        assertThat(search("dense", q)).containsExactly("2401.00007", "2401.00008", "2401.00009", "2401.00028", "2401.00021");
        assertThat(search("dense+prf", q)).containsExactly("2401.00007", "2401.00008", "2401.00009", "2401.00021", "2401.00028");
    }

    // dense+prf (index 2) equals dense here; the test above has a query where they differ
    static final List<String[]> GOLDEN = List.of(
            new String[] {"2401.00005", "2401.00019", "2401.00004", "2401.00023", "2401.00024"},
            new String[] {"2401.00003", "2401.00029", "2401.00018", "2401.00019", "2401.00006"},
            new String[] {"2401.00003", "2401.00029", "2401.00018", "2401.00019", "2401.00006"},
            new String[] {"2401.00019", "2401.00005", "2401.00003", "2401.00018", "2401.00004"},
            new String[] {"2401.00019", "2401.00005", "2401.00003", "2401.00004", "2401.00018"},
            new String[] {"2401.00005", "2401.00019", "2401.00023", "2401.00004", "2401.00024"},
            new String[] {"2401.00019", "2401.00003", "2401.00005", "2401.00004", "2401.00018"});

    @Test
    void filters_apply_to_dense_search() {
        SearchEngine engine = new SearchEngine(index, embedder, SearchPipeline.named("dense", embedder.modelId()));
        List<String> ids = Fixture.ids(engine.retrieve(SearchRequest.of("image generation", 10).withOrganization("openai")));
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(index.document(id).orElseThrow().organization())
                .isEqualTo("openai"));
    }

    @Test
    void hybrid_with_only_filters_lists_newest_first() {
        SearchEngine engine = new SearchEngine(index, embedder, SearchPipeline.named("hybrid", embedder.modelId()));
        assertThat(Fixture.ids(engine.retrieve(SearchRequest.of("", 3).withOrganization("openai"))))
                .containsExactly("2401.00022", "2401.00020", "2401.00016");
    }

    /**
     * What a URL like {@code ?q=%00}, {@code %C2%A0}, {@code %E2%80%8B}, {@code %CC%81} or {@code %ff} decodes to:
     * text that is not blank to {@link String#isBlank()} but that the model's tokenizer reduces to nothing.
     */
    static final List<String> UNEMBEDDABLE = List.of("\u0000", "\u0001", "\u007F", "\u00A0", "\u200B", "\uFEFF",
            "\u0301", "\uFFFD", "\uFFFD\uFFFD", "\uD800", "\u202E", "\u2028", "\u00A0\u200B\u0000\uFEFF", "author:x \u0000",
            "\"\u0000\"", "-x \u0000", "cat:cs.CL \u200B");

    @Test
    void queries_with_nothing_to_embed_never_throw_in_any_method() {
        for (String method : SearchPipeline.METHODS) {
            SearchEngine engine = new SearchEngine(index, embedder, SearchPipeline.named(method, embedder.modelId()));
            for (String q : UNEMBEDDABLE) {
                assertThatCode(() -> engine.retrieve(SearchRequest.of(q, 5))).as("%s %s", method, q.codePoints()
                        .mapToObj(c -> String.format("U+%04X", c)).toList()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void the_dense_side_skips_a_query_with_nothing_to_embed_and_hybrid_falls_back_to_bm25() {
        SearchEngine dense = new SearchEngine(index, embedder, SearchPipeline.named("dense", embedder.modelId()));
        SearchEngine hybrid = new SearchEngine(index, embedder, SearchPipeline.named("hybrid", embedder.modelId()));
        SearchEngine bm25 = new SearchEngine(index, null, SearchPipeline.named("bm25", null));
        for (String q : List.of("\u0000", "\u200B\uFEFF", "\u0301")) {
            assertThat(dense.retrieve(SearchRequest.of(q, 5))).isEmpty();
        }
        // the clauses the lexical side can use still apply: hybrid answers as BM25 alone
        for (String q : List.of("author:\"Ashish Vaswani\" \u0000", "cat:cs.CL \u200B\uFEFF", "\"\u0000\" org:google")) {
            SearchRequest request = SearchRequest.of(q, 3);
            assertThat(Fixture.ids(hybrid.retrieve(request))).as(q).isNotEmpty().isEqualTo(Fixture.ids(bm25.retrieve(request)));
        }
    }

    @Test
    void control_and_format_characters_inside_words_do_not_change_the_ranking() {
        SearchEngine dense = new SearchEngine(index, embedder, SearchPipeline.named("dense", embedder.modelId()));
        assertThat(Fixture.ids(dense.retrieve(SearchRequest.of("make\u0000 pictures\u200B from ran\u00ADdom\uFEFF noise", 5))))
                .isEqualTo(Fixture.ids(dense.retrieve(SearchRequest.of("make pictures from random noise", 5))));
    }

    @Test
    void similar_excludes_the_paper_itself() {
        SearchEngine engine = new SearchEngine(index, embedder, SearchPipeline.named("hybrid", embedder.modelId()));
        List<String> similar = Fixture.ids(engine.similar("2401.00007", 3));
        assertThat(similar).hasSize(3).doesNotContain("2401.00007");
        assertThat(similar.get(0)).isIn("2401.00008", "2401.00009");
        assertThat(engine.similar("0000.00000", 3)).isEmpty();
    }

    @Test
    void hybrid_still_finds_papers_lacking_vectors() throws IOException {
        try (PaperIndex partial = PaperIndex.inMemory(VectorStorage.FLOAT32)) {
            List<SearchDocument> docs = Fixture.papers();
            for (SearchDocument d : docs) {
                boolean withVector = !d.id().equals("2401.00024");
                partial.upsert(d, withVector ? embedder.embedDocuments(List.of(d.embeddingText())).get(0) : null);
            }
            partial.commit();
            SearchEngine engine = new SearchEngine(partial, embedder, SearchPipeline.named("hybrid", embedder.modelId()));
            // only BM25 can see it: fusion must score it as if the dense side agreed, not bury it under the
            // dense floor (which put it below rank 3 here)
            assertThat(Fixture.ids(engine.retrieve(SearchRequest.of("navigable small world graphs", 3))))
                    .contains("2401.00024");
            assertThat(partial.idsWithoutVector()).containsExactly("2401.00024");
        }
    }
}
