package org.dailypapers.web;

import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Paper;

/** A paper's own page; entry is null for a paper that was never on the feed. */
public record PaperPage(Paper paper, FeedEntry entry) {
    public String feedDayPath() {
        return entry == null ? null : "/papers/date/" + entry.feedDay();
    }
}
