package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.dailypapers.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden rankings of what the product searches with out of the box: {@link SearchPipeline#DEFAULT_METHOD} with
 * {@link AppConfig#DEFAULT_MODEL}, loaded as the product loads it (no query instruction), on the 30-paper fixture.
 * A change of either default, of the model or of fusion shows up here as a reviewed diff.
 */
class DefaultPipelineGoldenTest {

    private static Embedder embedder;
    private static PaperIndex index;
    private static SearchEngine engine;

    @BeforeAll
    static void build() {
        EmbeddingModelName model = EmbeddingModelName.parse(AppConfig.DEFAULT_MODEL);
        embedder = OnnxEmbedder.load(model);
        index = Fixture.index(embedder);
        engine = new SearchEngine(index, embedder, SearchPipeline.named(SearchPipeline.DEFAULT_METHOD, model.id()));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        ((OnnxEmbedder) embedder).close();
    }

    private static java.util.List<String> search(String query) {
        return Fixture.ids(engine.retrieve(SearchRequest.of(query, 5)));
    }

    @Test
    void the_defaults_are_hybrid_with_bge_small() {
        assertThat(embedder.modelId()).isEqualTo(EmbeddingModelName.BGE_SMALL_EN_V15_Q.id());
        assertThat(engine.tag()).startsWith("hybrid").contains("model=bge-small-en-v1.5-q");
    }

    @Test
    void nonsense_finds_nothing() {
        // bge puts nonsense at cosine 0.56-0.70 to its nearest paper: below the cut of 0.72 (docs/EVAL.md)
        assertThat(search("xqzvbnmw")).isEmpty();
        assertThat(search("qwpoeiru zxmvnb")).isEmpty();
        assertThat(Fixture.ids(new SearchEngine(index, embedder, SearchPipeline.named("dense", embedder.modelId()))
                .retrieve(SearchRequest.of("xqzvbnmw", 5)))).hasSize(5);
        // no shared word either ("by" is a stop word), but close in meaning: image synthesis or photorealistic rendering
        assertThat(Fixture.ids(new SearchEngine(index, null, SearchPipeline.named("bm25", null))
                .retrieve(SearchRequest.of("photorealistic pictures conjured by static", 5)))).isEmpty();
        assertThat(search("photorealistic pictures conjured by static")).isNotEmpty().hasSizeLessThan(5)
                .first().isIn("2401.00007", "2401.00008", "2401.00009", "2401.00027", "2401.00028");
    }

    @Test
    void golden_rankings_of_the_default_pipeline() {
        // no shared words with the diffusion papers (07 DDPM, 08 latent diffusion, 09 video diffusion)
        assertThat(search("make pictures from random noise"))
                .containsExactly("2401.00007", "2401.00009", "2401.00008", "2401.00021", "2401.00016");
        // 24 HNSW, 23 product quantisation
        assertThat(search("approximate nearest neighbour search"))
                .containsExactly("2401.00024", "2401.00023", "2401.00029", "2401.00002", "2401.00019");
        // 11 RLHF, 12 DPO
        assertThat(search("aligning language models with human preferences"))
                .containsExactly("2401.00011", "2401.00012", "2401.00029", "2401.00018", "2401.00030");
        // 28 Gaussian splatting, 27 NeRF
        assertThat(search("rendering 3d scenes from photos"))
                .containsExactly("2401.00028", "2401.00027", "2401.00021", "2401.00022", "2401.00008");
    }
}
