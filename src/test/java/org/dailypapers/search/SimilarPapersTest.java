package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding side in the product: the real ONNX model on one day of papers (17, to keep this quick). */
class SimilarPapersTest {
    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf/2026-08-21.json").start();
        instance.app().search().loadEmbedder();
        assertThat(instance.app().search().backfill(1_000)).isEqualTo(17);
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void every_paper_gets_a_vector_and_search_switches_to_the_full_pipeline() {
        PaperSearch.Status status = instance.app().search().status();
        assertThat(status.withoutVector()).isZero();
        assertThat(status.modelLoaded()).isTrue();
        assertThat(status.method()).contains("bm25").contains("dense");
    }

    @Test
    void similar_papers_exclude_the_paper_itself() {
        List<ScoredPaper> similar = instance.app().search().similar(ArxivId.parse("2608.19880").orElseThrow(), 5);
        assertThat(similar).hasSize(5).extracting(ScoredPaper::id).doesNotContain("2608.19880").doesNotHaveDuplicates();
        assertThat(instance.get("/papers/2608.19880").body()).contains("Similar papers")
                .contains("href=\"/papers/" + similar.getFirst().id() + "\"");
    }

    @Test
    void a_paraphrase_without_shared_words_is_found_by_meaning() {
        // No title word of 4DAnyone ("Create Anyone in 4D from a Casual Monocular Video") is in the query.
        List<ScoredPaper> found = instance.app().search().search(SearchRequest.of("animating a person in three dimensions from one camera clip", 3));
        assertThat(found).extracting(ScoredPaper::id).contains("2608.20335");
    }
}
