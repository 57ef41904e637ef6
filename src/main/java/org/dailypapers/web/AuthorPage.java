package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.FeedPaper;

/**
 * An author's screen: the name as the papers spell it, how many papers have it, one page of them newest first,
 * and paging links (null where there is no such page).
 */
public record AuthorPage(String name, int total, List<FeedPaper> papers, int page, String previousHref, String nextHref) {

    public int firstRank() {
        return page * AuthorRoutes.PAGE_SIZE + 1;
    }

    public String totalText() {
        return total == 1 ? "1 paper" : String.format(java.util.Locale.ROOT, "%,d papers", total);
    }
}
