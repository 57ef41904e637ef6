package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** N-way fusion against hand-computed scores. */
class ScoreFusionTest {

    private static List<ScoredPaper> ranking(Object... idScore) {
        List<ScoredPaper> out = new java.util.ArrayList<>();
        for (int i = 0; i < idScore.length; i += 2) {
            out.add(new ScoredPaper((String) idScore[i], ((Number) idScore[i + 1]).doubleValue()));
        }
        return out;
    }

    @Test
    void zscore_fusion_gives_missing_papers_the_ranking_floor_and_breaks_ties_by_id() {
        // first: a=3 b=2 c=1 -> z 1.2247, 0, -1.2247; second: b=10 d=0 -> z 1, -1
        List<ScoredPaper> fused = ScoreFusion.fuse(
                List.of(ranking("a", 3, "b", 2, "c", 1), ranking("b", 10, "d", 0)), List.of(0.5, 0.5),
                new FusionParams(FusionParams.Method.ZSCORE, 0.5, 60, 100), 10);
        assertThat(fused).extracting(ScoredPaper::id).containsExactly("b", "a", "c", "d");
        assertThat(fused.get(0).score()).isCloseTo(0.5, within(1e-9));                         // 0.5*0 + 0.5*1
        assertThat(fused.get(1).score()).isCloseTo(0.5 * Math.sqrt(1.5) - 0.5, within(1e-9));  // floor of second
        assertThat(fused.get(2).score()).isEqualTo(fused.get(3).score());                       // c and d tie
    }

    @Test
    void three_way_rrf_weights_each_ranking() {
        // x: .5*2/61 + .2*2/62 = 0.02285; y: .5*2/62 + .3*2/61 = 0.02596; z: .3*2/62 + .2*2/61 = 0.01623
        List<ScoredPaper> fused = ScoreFusion.fuse(
                List.of(ranking("x", 9, "y", 8), ranking("y", 0.9, "z", 0.8), ranking("z", 5, "x", 4)),
                List.of(0.5, 0.3, 0.2), FusionParams.RRF, 10);
        assertThat(fused).extracting(ScoredPaper::id).containsExactly("y", "x", "z");
        assertThat(fused.get(0).score()).isCloseTo(0.5 * 2 / 62 + 0.3 * 2 / 61, within(1e-12));
    }

    @Test
    void each_ranking_is_cut_at_the_depth_before_normalising() {
        // depth 2: "c" is beyond both cuts and must not appear; min-max over the two kept scores
        List<ScoredPaper> fused = ScoreFusion.fuse(
                List.of(ranking("a", 4, "b", 2, "c", 1), ranking("b", 1, "a", 0.5, "c", 0.1)), List.of(0.6, 0.4),
                new FusionParams(FusionParams.Method.MINMAX, 0.5, 60, 2), 10);
        assertThat(fused).extracting(ScoredPaper::id).containsExactly("a", "b");
        assertThat(fused.get(0).score()).isCloseTo(0.6, within(1e-9));
        assertThat(fused.get(1).score()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void two_way_fusion_equals_the_hybrid_retriever() {
        List<ScoredPaper> lex = ranking("a", 7, "b", 5, "c", 1, "e", 0.5);
        List<ScoredPaper> dense = ranking("c", 0.9, "d", 0.8, "a", 0.7);
        FusionParams p = FusionParams.DEFAULT;
        HybridRetriever hybrid = new HybridRetriever(null, null, p, ids -> java.util.Set.of());
        assertThat(ScoreFusion.fuse(List.of(lex, dense), List.of(1 - p.denseWeight(), p.denseWeight()), p, 10))
                .isEqualTo(hybrid.fuse(lex, dense, 10));
    }

    @Test
    void refuses_a_weight_count_that_differs_from_the_rankings() {
        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(ranking("a", 1)), List.of(0.5, 0.5), FusionParams.DEFAULT, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 rankings but 2 weights");
    }
}
