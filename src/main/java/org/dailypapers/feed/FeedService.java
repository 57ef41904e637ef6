package org.dailypapers.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.FeedRepository;

/**
 * The daily feed: which day to show, the papers of a period, and navigation that skips empty days.
 * Thread-safe.
 *
 * <p>Feed pages are read far more often than the feed changes, so answers are cached. {@link #invalidate()}
 * drops them when this process writes; entries also expire after {@code maxStaleness}, which bounds how long
 * a write by another process sharing the database (a second server on PostgreSQL) takes to show.
 */
public final class FeedService {
    /** At most this many papers on one feed page: the busiest month of the demo data holds 631. */
    public static final int PAGE_LIMIT = 2_000;

    private final FeedRepository feed;
    private final Cache<Object, Object> cache;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Duration maxStaleness;

    public FeedService(FeedRepository feed, Duration maxStaleness) {
        this.feed = feed;
        this.maxStaleness = maxStaleness;
        this.cache = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(maxStaleness).build();
    }

    /** Forgets every cached answer: call after writing papers or feed entries. */
    public void invalidate() {
        // New reads use new keys at once; a load still running under the old generation stores its (maybe
        // stale) answer where nothing reads it, which invalidateAll alone would not guarantee.
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /**
     * A number that changes whenever {@link #invalidate()} is called: callers that cache what they derive
     * from the feed (rendered pages) key it by this number.
     */
    public long generation() {
        return generation.get();
    }

    /** How long a cached answer may live: callers caching derived data use the same bound. */
    public Duration maxStaleness() {
        return maxStaleness;
    }

    /**
     * How many papers the catalogue holds, as {@code count} says, cached as the feed is: the front page of an
     * instance whose feed is empty names it, and counting 2.8 million rows took 20 ms a page (issue 16).
     */
    public long catalogueSize(java.util.function.LongSupplier count) {
        return cached("catalogue size", count::getAsLong);
    }

    /** The latest feed day that has papers: what {@code /} shows. Empty only when the feed is empty. */
    public Optional<LocalDate> latestDay() {
        return cached("latest", feed::latestDay);
    }

    /** At most this many papers on {@code /} while the feed is empty (an arXiv day can list over 500). */
    public static final int NEWEST_ON_ARXIV = 100;

    /**
     * The newest papers on arXiv that are not on the feed, newest listing first (at most {@link #NEWEST_ON_ARXIV}):
     * what {@code /} shows while the community feed is empty, so that an instance holding only arXiv
     * papers never looks empty. Their entries are null.
     */
    public List<FeedPaper> newestOnArxiv() {
        return cached("arxiv", () -> feed.newestNotOnFeed(NEWEST_ON_ARXIV));
    }

    /** The papers of a period, most upvoted first. */
    public List<FeedPaper> papers(FeedPeriod period) {
        return page(period, FeedOrder.UPVOTES, 0, PAGE_LIMIT);
    }

    /** A page of a period's papers in {@code order}. */
    public List<FeedPaper> page(FeedPeriod period, FeedOrder order, int offset, int limit) {
        return cached(new PageKey(period, order, offset, limit),
                () -> feed.papers(period.first(), period.last(), order, offset, limit));
    }

    /**
     * A page of the papers {@code submitter} (a handle, or a Hugging Face user name) put on the feed in
     * {@code period}, or on any day when {@code period} is null, in {@code order}.
     */
    public List<FeedPaper> submittedBy(String submitter, FeedPeriod period, FeedOrder order, int offset, int limit) {
        return cached(new SubmitterKey(submitter, period, order, offset, limit), () -> feed.submittedBy(submitter,
                period == null ? null : period.first(), period == null ? null : period.last(), order, offset, limit));
    }

    private record SubmitterKey(String submitter, FeedPeriod period, FeedOrder order, int offset, int limit) {}

    /** The papers of a period an administrator featured, most upvoted first. */
    public List<FeedPaper> featured(FeedPeriod period) {
        return cached(new FeaturedKey(period), () -> feed.featured(period.first(), period.last()));
    }

    private record FeaturedKey(FeedPeriod period) {}

    /** An organization's papers on the feed, newest first (at most {@link #PAGE_LIMIT}). */
    public List<FeedPaper> organization(String name) {
        return cached(new OrganizationKey(name), () -> feed.byOrganization(name, PAGE_LIMIT));
    }

    private record OrganizationKey(String name) {}

    /** The nearest periods of the same kind, either side, that have papers: empty periods are skipped. */
    public Neighbours neighbours(FeedPeriod period) {
        return cached(new NeighboursKey(period), () -> new Neighbours(
                feed.dayBefore(period.first()).map(d -> FeedPeriod.containing(period.kind(), d)),
                feed.dayAfter(period.last()).map(d -> FeedPeriod.containing(period.kind(), d))));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Object key, java.util.function.Supplier<T> load) {
        return (T) cache.get(new GenerationKey(generation.get(), key), k -> load.get());
    }

    private record GenerationKey(long generation, Object key) {}

    private record PageKey(FeedPeriod period, FeedOrder order, int offset, int limit) {}

    private record NeighboursKey(FeedPeriod period) {}

    /** The periods either side of one; empty where no papers lie that way. */
    public record Neighbours(Optional<FeedPeriod> previous, Optional<FeedPeriod> next) {}
}
