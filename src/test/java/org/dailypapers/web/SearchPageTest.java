package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPageTest {
    private static SearchPage page(int page, int hits, int total, String next) {
        List<SearchPage.Hit> shown = Collections.nCopies(hits, (SearchPage.Hit) null);
        return new SearchPage(null, shown, page, total, page > 0 ? "/search?q=x&p=" + (page - 1) : null, next, null, "bm25");
    }

    @Test
    void the_last_page_says_when_the_ranking_ends_before_the_matching_papers_do() {
        assertThat(page(16, 5, 3439, null).rankedOnlyText())
                .isEqualTo("That is the end of the ranking: the best 325 of about 3,439 matching papers. "
                        + "Add words or filters (dates, organization, category) to reach others.");
    }

    @Test
    void no_note_before_the_last_page_or_when_every_match_is_ranked() {
        assertThat(page(3, 20, 3439, "/search?q=x&p=4").rankedOnlyText()).isNull();
        assertThat(page(2, 7, 47, null).rankedOnlyText()).isNull();
        assertThat(page(0, 0, 0, null).rankedOnlyText()).isNull();
    }
}
