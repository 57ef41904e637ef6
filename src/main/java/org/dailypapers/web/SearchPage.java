package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.search.Snippet;

/**
 * The search screen: the form as the user filled it, the hits of one page, and paging links (null where
 * there is no such page). {@code notice} explains an empty or refused query; null otherwise.
 */
public record SearchPage(
        SearchForm form, List<Hit> hits, int page, String previousHref, String nextHref, String notice, String method) {

    /** One result: the paper as a feed card (entry null when it was never on the feed) and its snippet. */
    public record Hit(FeedPaper paper, Snippet snippet) {}

    public int firstRank() {
        return page * SearchRoutes.PAGE_SIZE + 1;
    }
}
