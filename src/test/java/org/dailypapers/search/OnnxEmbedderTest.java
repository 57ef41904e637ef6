package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our own ONNX session (one core per encoding) must give LangChain4j's vectors, so that cached and shipped
 * vectors stay valid, and must be safe to call from several threads at once.
 */
class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;
    private static ExecutorService pool;

    @BeforeAll
    static void load() {
        embedder = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        embedder.close();
    }

    @Test
    void vectors_match_langchain4j_own_model_class() {
        var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("graph neural networks for molecules",
                "Dense passage retrieval. " + "A long abstract that the tokenizer has to split. ".repeat(40));
        List<float[]> ours = embedder.embedDocuments(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(ours.get(i), stock.embed(texts.get(i)).content().vector())).isCloseTo(1.0, within(1e-5));
        }
        assertThat(cosine(embedder.embedQuery(texts.get(0)), ours.get(0))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void concurrent_queries_get_the_vectors_of_sequential_ones() throws Exception {
        List<String> queries = Fixture.papers().stream().map(SearchDocument::title).toList();
        List<float[]> sequential = queries.stream().map(embedder::embedQuery).toList();
        List<Future<float[]>> parallel = new ArrayList<>();
        for (String q : queries) {
            parallel.add(pool.submit(() -> embedder.embedQuery(q)));
        }
        for (int i = 0; i < queries.size(); i++) {
            assertThat(cosine(parallel.get(i).get(), sequential.get(i))).as(queries.get(i)).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void documents_come_back_in_input_order() {
        List<String> texts = List.of("short", "a much longer text about retrieval augmented generation", "medium text");
        List<float[]> batch = embedder.embedDocuments(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(batch.get(i), embedder.embedQuery(texts.get(i)))).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void a_text_with_nothing_to_embed_gets_a_vector_without_failing_its_batch() {
        List<String> texts = List.of("graph neural networks", "\u0000", "\u200B\uFEFF", "\u0301", "\uFFFD", "\u00A0\u007F",
                "\uD800", "", " ");
        List<float[]> vectors = embedder.embedDocuments(texts);
        assertThat(vectors).hasSize(texts.size()).allSatisfy(v -> assertThat(norm(v)).isCloseTo(1.0, within(1e-3)));
        assertThat(cosine(vectors.get(0), embedder.embedQuery("graph neural networks"))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void invisible_characters_inside_a_text_do_not_change_its_vector() {
        float[] plain = embedder.embedQuery("graph neural networks for molecules");
        assertThat(cosine(embedder.embedQuery("graph\u200B neural\u0000 net\u00ADworks\uFEFF for\u00A0molecules\uFFFD"), plain))
                .isCloseTo(1.0, within(1e-5));
        assertThat(cosine(embedder.embedDocuments(List.of("\uFEFFgraph neural\u0001 networks for molecules")).get(0), plain))
                .isCloseTo(1.0, within(1e-5));
    }

    @Test
    void a_query_with_nothing_to_embed_is_refused_with_a_reason() {
        for (String q : List.of("\u0000", "\u200B", "\u0301", "\uFFFD", "\u00A0", "-", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> embedder.embedQuery(q))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no letter or digit");
        }
    }

    @Test
    void model_names_and_aliases_parse_and_unknown_ones_list_the_known() {
        assertThat(EmbeddingModelName.parse(" E5 ")).isEqualTo(EmbeddingModelName.E5_SMALL_V2_Q);
        assertThat(EmbeddingModelName.parse("bge")).isEqualTo(EmbeddingModelName.BGE_SMALL_EN_V15_Q);
        // the model's own name has always meant the bundled, quantised model; the unquantised one has its own id
        assertThat(EmbeddingModelName.parse("bge-small-en-v1.5")).isEqualTo(EmbeddingModelName.BGE_SMALL_EN_V15_Q);
        assertThat(EmbeddingModelName.parse("bge-small-en-v1.5-fp32")).isEqualTo(EmbeddingModelName.BGE_SMALL_EN_V15_FP32);
        assertThat(EmbeddingModelName.E5_SMALL_V2_Q.prefixesRequired()).isTrue();
        assertThat(EmbeddingModelName.E5_SMALL_V2_Q.documentPrefix()).isEqualTo("passage: ");
        assertThat(EmbeddingModelName.BGE_SMALL_EN_V15_Q.documentPrefix()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddingModelName.parse("gte"))
                .hasMessageContaining("unknown embedding model 'gte'").hasMessageContaining("e5-small-v2-q");
    }

    @Test
    void a_model_left_out_of_the_build_is_refused_with_the_way_to_get_it() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                OnnxEmbedder.class.getClassLoader().getResource("e5-small-v2-q.onnx") == null,
                "built with -Pextra-models");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OnnxEmbedder.load(EmbeddingModelName.E5_SMALL_V2_Q))
                .hasMessageContaining("e5-small-v2-q")
                .rootCause().hasMessageContaining("mvn -Pextra-models package");
        // configured for serve, it is refused before the index is opened (which would drop the vectors it holds)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.dailypapers.AppConfig.resolve(
                        java.util.Map.of("DAILYPAPERS_SEARCH_MODEL", "e5-small-v2-q"), java.nio.file.Path.of("unused"), 0))
                .hasMessageContaining("DAILYPAPERS_SEARCH_MODEL")
                .hasMessageContaining("the embedding model e5-small-v2-q is not in this build: build with 'mvn -Pextra-models package'");
        assertThat(EmbeddingModelName.BGE_SMALL_EN_V15_Q.available()).isTrue();
    }

    private static double norm(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        return Math.sqrt(n);
    }

    @Test
    void a_closed_model_refuses_to_encode_and_closes_once() {
        OnnxEmbedder own = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q);
        assertThat(own.embedQuery("graph neural networks")).hasSize(384);
        own.close();
        own.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> own.embedQuery("graph neural networks"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the all-minilm-l6-v2-q model is closed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> own.embedDocuments(List.of("a text")))
                .isInstanceOf(IllegalStateException.class);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
