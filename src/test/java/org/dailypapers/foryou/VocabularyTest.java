package org.dailypapers.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared vocabulary's document-frequency bounds, its cap, and the authors kept beyond the cap. */
class VocabularyTest {

    /** 100 papers: "common" in all, "ten" in 10, "five" in 5, "two" in 2; author "a:ann" in 2, "a:bo" in 1. */
    private static List<Map<String, Integer>> corpus() {
        List<Map<String, Integer>> papers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Integer> t = new java.util.HashMap<>();
            t.put("common", 1);
            if (i < 10) t.put("ten", 3);
            if (i < 5) t.put("five", 1);
            if (i < 2) t.put("two", 1);
            if (i < 2) t.put("a:ann", 1);
            if (i == 0) t.put("a:bo", 1);
            papers.add(t);
        }
        return papers;
    }

    @Test
    void words_need_the_minimum_document_frequency_and_at_most_the_maximum_share() {
        Vocabulary v = Vocabulary.fit(corpus(), 5, 2, 0.1, 100);
        assertThat(v.column("common")).as("in every paper: above max_df").isEqualTo(-1);
        assertThat(v.column("ten")).isNotNegative();
        assertThat(v.column("five")).isNotNegative();
        assertThat(v.column("two")).as("below min_df").isEqualTo(-1);
        assertThat(v.column("a:ann")).as("authors have their own, lower minimum").isNotNegative();
        assertThat(v.column("a:bo")).isEqualTo(-1);
        // smooth idf: ln((1 + n) / (1 + df)) + 1
        assertThat(v.idf(v.column("five"))).isCloseTo(Math.log(101.0 / 6) + 1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void the_cap_keeps_the_most_frequent_words_and_the_authors_on_top_of_it() {
        Vocabulary v = Vocabulary.fit(corpus(), 5, 2, 0.1, 1);
        assertThat(v.column("ten")).as("30 occurrences beat 5").isNotNegative();
        assertThat(v.column("five")).isEqualTo(-1);
        assertThat(v.column("a:ann")).isNotNegative();
        assertThat(v.size()).isEqualTo(2);
    }
}
