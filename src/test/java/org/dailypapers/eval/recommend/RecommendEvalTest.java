package org.dailypapers.eval.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recommendation evaluation's splits and metrics on a fixture small enough to score by hand. */
class RecommendEvalTest {
    private static final LocalDate CUT = LocalDate.parse("2026-02-01");

    private static Submission s(String id, String day, String by, int upvotes) {
        return new Submission(id, LocalDate.parse(day), by, "Title " + id, "About " + id, List.of("A " + by), upvotes);
    }

    /** ann has 3 papers (2 before the cut-off), bob 2 (both after: not a person), cy 1 (too few). */
    private static List<Submission> papers() {
        List<Submission> p = new ArrayList<>();
        p.add(s("1", "2026-01-05", "ann", 5));
        p.add(s("2", "2026-01-20", "ann", 1));
        p.add(s("3", "2026-01-21", "cy", 9));
        p.add(s("4", "2026-02-02", "bob", 50));
        p.add(s("5", "2026-02-03", "ann", 10));
        p.add(s("6", "2026-02-04", "bob", 20));
        return p;
    }

    @Test
    void people_need_enough_papers_and_papers_on_both_sides_of_the_cut_off() {
        RecommendSplit split = RecommendSplit.of("test", papers(), CUT, LocalDate.MAX, 2);
        assertThat(split.people()).containsExactly("ann");
        assertThat(split.signals().get("ann")).extracting(Submission::id).containsExactly("1", "2");
        assertThat(split.targets().get("ann")).containsExactly("5");
        assertThat(split.candidates()).extracting(Submission::id).containsExactly("4", "5", "6");
        assertThat(split.history()).hasSize(3);
    }

    @Test
    void popularity_and_recency_are_scored_as_computed_by_hand() {
        RecommendSplit split = RecommendSplit.of("test", papers(), CUT, LocalDate.MAX, 2);
        RecommendEval eval = new RecommendEval(Map.of());
        // popularity: 4 (50), 6 (20), 5 (10): the target is third
        MethodResult pop = eval.popularity(split);
        assertThat(pop.mrr()[0]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(pop.ndcg()[0]).isCloseTo(1 / (Math.log(4) / Math.log(2)), within(1e-12));
        assertThat(pop.recall()[0]).isEqualTo(1.0);
        // recency: 6, 5, 4: the target is second
        MethodResult recent = eval.recency(split);
        assertThat(recent.mrr()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(recent.line()).isEqualTo("recency nDCG@20=0.6309 Recall@50=1.0000 MRR=0.5000 people=1");
    }

    @Test
    void the_tfidf_of_arxiv_sanity_lite_keeps_terms_within_the_document_frequency_bounds_and_unit_rows() {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) docs.add(i < 3 ? "rare words here" : "common filler text " + i);
        TfidfVectorizer t = TfidfVectorizer.fitTransform(docs, 100, 2, 0.5);
        // "rare", "words", "rare words" (3 documents of 30; "here" is a stop word) pass min_df=2 and max_df=0.5;
        // "common", "filler", "text" and their bigrams (27 of 30) are too common; numbers are not tokens
        assertThat(t.dimension()).isEqualTo(3);
        double norm = 0;
        for (var f : t.row(0)) norm += f.getValue() * f.getValue();
        assertThat(norm).isCloseTo(1.0, within(1e-9));
        assertThat(t.row(10)).isEmpty();
    }
}
