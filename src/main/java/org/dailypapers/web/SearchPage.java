package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.search.Snippet;

/**
 * The search screen: the form as the user filled it, the hits of one page, about how many results there are
 * ({@code total}), and paging links (null where there is no such page). {@code notice} explains an empty or
 * refused query; null otherwise. {@code method} is the ranking's run tag, for the "About this ranking" note.
 */
public record SearchPage(SearchForm form, List<Hit> hits, int page, int total, String previousHref, String nextHref,
        String notice, String method, String warmingUp) {

    /** Without the warming-up note ({@code warmingUp}: "semantic search warming up...", or null). */
    public SearchPage(SearchForm form, List<Hit> hits, int page, int total, String previousHref, String nextHref,
            String notice, String method) {
        this(form, hits, page, total, previousHref, nextHref, notice, method, null);
    }

    /** One result: the paper as a feed card (entry null when it was never on the feed) and its snippet. */
    public record Hit(FeedPaper paper, Snippet snippet) {}

    /** "About 1,240 papers", "1 paper": what the search found in all. */
    public String totalText() {
        return total == 1 ? "1 paper" : String.format(java.util.Locale.ROOT, "About %,d papers", total);
    }

    /**
     * On the last page, when fewer papers are ranked than match (the ranking covers the best few hundred; the
     * count covers every paper sharing a word with the query): how many were ranked and how to reach others.
     */
    public String rankedOnlyText() {
        int lastRank = firstRank() + hits.size() - 1;
        if (hits.isEmpty() || nextHref != null || lastRank >= total) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "That is the end of the ranking: the best %,d of about %,d matching papers. "
                + "Add words or filters (dates, organization, category) to reach others.", lastRank, total);
    }

    public int firstRank() {
        return page * SearchRoutes.PAGE_SIZE + 1;
    }
}
