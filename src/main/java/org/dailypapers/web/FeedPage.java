package org.dailypapers.web;

import java.util.List;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.paper.FeedPaper;

/**
 * The feed screen for one period. Navigation links are null where no papers lie that way.
 *
 * @param latest true on {@code /}, where the period is the latest day with papers
 * @param freshness on {@code /}: how old that day is and, when it is old, why; null elsewhere
 */
public record FeedPage(
        FeedPeriod period,
        List<FeedPaper> papers,
        Link previous,
        Link next,
        Link week,
        Link month,
        Link day,
        String rssHref,
        boolean latest,
        List<FeedPaper> featured,
        Freshness freshness,
        Paging paging) {

    /** A navigation link. */
    public record Link(String href, String label) {}

    /**
     * Which part of the period's papers this page shows.
     *
     * @param page from 1
     * @param offset how many papers earlier pages hold (ranks on this page start after them)
     * @param previousHref null on the first page
     * @param nextHref null on the last page
     */
    public record Paging(int page, int pages, int total, int offset, String previousHref, String nextHref) {}

    /** On {@code /}, the day by its date ("Latest papers: Aug 21, 2026"): it may be long past, so never "today". */
    public String heading() {
        if (latest) {
            return "Latest papers: " + Views.day(period.first());
        }
        return switch (period.kind()) {
            case DAY -> "Daily Papers";
            case WEEK -> "Papers of the week";
            case MONTH -> "Papers of the month";
        };
    }
}
