package org.dailypapers.web;

import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Paper;

/**
 * A paper's own page; entry is null for a paper that was never on the feed. {@code similar} are its nearest
 * neighbours by embedding (empty until its vector is computed).
 */
public record PaperPage(Paper paper, FeedEntry entry, java.util.List<org.dailypapers.paper.FeedPaper> similar) {
    public String feedDayPath() {
        return entry == null ? null : "/papers/date/" + entry.feedDay();
    }
}
