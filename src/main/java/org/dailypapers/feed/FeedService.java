package org.dailypapers.feed;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.FeedRepository;

/**
 * The daily feed: which day to show, the papers of a period, and navigation that skips empty days.
 * Thread-safe.
 */
public final class FeedService {
    /** At most this many papers on one feed page (a month holds a few hundred). */
    public static final int PAGE_LIMIT = 500;

    private final FeedRepository feed;

    public FeedService(FeedRepository feed) {
        this.feed = feed;
    }

    /** The latest feed day that has papers: what {@code /} shows. Empty only when the feed is empty. */
    public Optional<LocalDate> latestDay() {
        return feed.latestDay();
    }

    /** The papers of a period, most upvoted first. */
    public List<FeedPaper> papers(FeedPeriod period) {
        return feed.papers(period.first(), period.last(), FeedOrder.UPVOTES, 0, PAGE_LIMIT);
    }

    /** A page of a period's papers in {@code order}. */
    public List<FeedPaper> page(FeedPeriod period, FeedOrder order, int offset, int limit) {
        return feed.papers(period.first(), period.last(), order, offset, limit);
    }

    /** The nearest periods of the same kind, either side, that have papers: empty periods are skipped. */
    public Neighbours neighbours(FeedPeriod period) {
        return new Neighbours(
                feed.dayBefore(period.first()).map(d -> FeedPeriod.containing(period.kind(), d)),
                feed.dayAfter(period.last()).map(d -> FeedPeriod.containing(period.kind(), d)));
    }

    /** The periods either side of one; empty where no papers lie that way. */
    public record Neighbours(Optional<FeedPeriod> previous, Optional<FeedPeriod> next) {}
}
