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
        Freshness freshness) {

    /** A navigation link. */
    public record Link(String href, String label) {}

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
