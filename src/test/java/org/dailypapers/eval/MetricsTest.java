package org.dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final Map<String, Integer> JUDGED = Map.of("a", 2, "b", 1, "c", 1, "x", 0);

    @Test
    void ndcg_uses_graded_gains_and_log2_of_rank_plus_one() {
        // DCG = 1/log2(2) + 0 (x) + 2/log2(4) = 1 + 1 = 2
        // ideal: 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.6309298 + 0.5 = 3.1309298
        double ndcg = Metrics.ndcg(List.of("b", "x", "a", "d"), JUDGED, 10);
        assertThat(ndcg).isCloseTo(2 / 3.1309298, within(1e-6));
    }

    @Test
    void ndcg_cuts_the_ranking_but_not_the_ideal_at_k() {
        // k=2: DCG = 1 (b at 1) ; ideal@2 = 2 + 1/log2(3) = 2.6309298
        assertThat(Metrics.ndcg(List.of("b", "x", "a"), JUDGED, 2)).isCloseTo(1 / 2.6309298, within(1e-6));
    }

    @Test
    void perfect_ranking_scores_one_and_no_relevant_scores_zero() {
        assertThat(Metrics.ndcg(List.of("a", "b", "c"), JUDGED, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.ndcg(List.of("a"), Map.of("a", 0), 10)).isZero();
        assertThat(Metrics.ndcg(List.of(), JUDGED, 10)).isZero();
    }

    @Test
    void recall_counts_relevant_found_in_top_k() {
        assertThat(Metrics.recall(List.of("x", "c", "d", "a"), JUDGED, 3)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Metrics.recall(List.of("x", "c", "d", "a"), JUDGED, 100)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void reciprocal_rank_is_of_first_relevant_within_k() {
        assertThat(Metrics.reciprocalRank(List.of("x", "d", "c"), JUDGED, 10)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Metrics.reciprocalRank(List.of("x", "d", "c"), JUDGED, 2)).isZero();
    }
}
