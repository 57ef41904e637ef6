package org.dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.dailypapers.search.ScoredPaper;
import org.junit.jupiter.api.Test;

/** The paired comparison against values worked out by hand. */
class PairedComparisonTest {

    // one relevant paper per query; a relevant paper at rank 2 scores 1/log2(3) = 0.63093
    private static final Qrels QRELS = new Qrels(Map.of("q1", Map.of("d1", 1), "q2", Map.of("d3", 1),
            "q3", Map.of("d5", 1)));

    @Test
    void mean_difference_standard_error_and_counts_match_hand_computed_values() {
        Run a = run(Map.of("q1", List.of("d1"), "q2", List.of("d4", "d3"), "q3", List.of("d6", "d5")));
        Run b = run(Map.of("q1", List.of("d2", "d1"), "q2", List.of("d3"), "q3", List.of("d5")));
        PairedComparison c = PairedComparison.of(a, b, QRELS);
        // A: (1 + 0.63093 + 0.63093) / 3; B: (0.63093 + 1 + 1) / 3; differences -0.36907, +0.36907, +0.36907
        assertThat(c.meanA()).isCloseTo(0.753953, within(1e-6));
        assertThat(c.meanB()).isCloseTo(0.876977, within(1e-6));
        assertThat(c.difference()).isCloseTo(0.123023, within(1e-6));
        // sample sd of the differences = 0.42616; over sqrt(3)
        assertThat(c.standardError()).isCloseTo(0.246047, within(1e-6));
        assertThat(c.better()).isEqualTo(2);
        assertThat(c.worse()).isEqualTo(1);
        assertThat(c.summary()).isEqualTo("nDCG@10 A=0.7540 B=0.8770 diff=+0.1230 SE=0.2460 better=2 worse=1 queries=3");
    }

    @Test
    void a_query_missing_from_a_run_counts_as_zero_and_equal_runs_differ_by_nothing() {
        Run full = run(Map.of("q1", List.of("d1"), "q2", List.of("d3"), "q3", List.of("d5")));
        Run partial = run(Map.of("q1", List.of("d1"), "q2", List.of("d3")));
        PairedComparison c = PairedComparison.of(full, partial, QRELS);
        assertThat(c.meanB()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.worse()).isEqualTo(1);
        PairedComparison same = PairedComparison.of(full, full, QRELS);
        assertThat(same.difference()).isZero();
        assertThat(same.standardError()).isZero();
        assertThat(same.better() + same.worse()).isZero();
    }

    @Test
    void fewer_than_two_judged_queries_is_refused() {
        Run r = run(Map.of("q1", List.of("d1")));
        assertThatThrownBy(() -> PairedComparison.of(r, r, new Qrels(Map.of("q1", Map.of("d1", 1)))))
                .hasMessageContaining("at least 2 judged queries");
    }

    private static Run run(Map<String, List<String>> rankings) {
        Map<String, List<ScoredPaper>> results = new java.util.HashMap<>();
        rankings.forEach((q, ids) -> {
            List<ScoredPaper> scored = new java.util.ArrayList<>();
            for (int i = 0; i < ids.size(); i++) scored.add(new ScoredPaper(ids.get(i), ids.size() - i));
            results.put(q, scored);
        });
        return new Run("t", results);
    }
}
