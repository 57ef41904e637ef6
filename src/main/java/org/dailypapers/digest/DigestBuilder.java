package org.dailypapers.digest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.SearchRequest;

/**
 * Builds a period's {@link DigestEdition}: the period's top papers by upvotes from the feed, and for each
 * topic the search engine's best matches among papers put on the feed in that period that match the topic by
 * its words ({@link PaperSearch#searchRelevant}). Thread-safe.
 */
public final class DigestBuilder {
    private final FeedService feed;
    private final PaperSearch search;
    private final int top;
    private final int topicHits;
    private final PersonalSection personal;

    public DigestBuilder(FeedService feed, PaperSearch search, int top, int topicHits) {
        this(feed, search, top, topicHits, PersonalSection.NONE);
    }

    /** @param personal each subscriber's own section ("For you"), where they have one */
    public DigestBuilder(FeedService feed, PaperSearch search, int top, int topicHits, PersonalSection personal) {
        this.personal = personal;
        this.feed = feed;
        this.search = search;
        this.top = top;
        this.topicHits = topicHits;
    }

    /** The edition of the {@code kind} period containing {@code day}, with links under {@code base}. */
    public DigestEdition edition(DigestPeriod kind, LocalDate day, URI base) {
        FeedPeriod period = kind.feedPeriod(day);
        List<FeedPaper> best = feed.page(period, FeedOrder.UPVOTES, 0, top);
        return new DigestEdition(kind, period, best, base, query -> topicMatches(period, query), personal);
    }

    private List<FeedPaper> topicMatches(FeedPeriod period, String query) {
        SearchRequest request = new SearchRequest(query, period.first(), period.last(), null, null, null, topicHits);
        // Only papers that match the topic by its words: the hybrid ranking alone would fill the section with the
        // period's nearest papers even when none is about the topic.
        return search.records(search.searchRelevant(request)).stream()
                .flatMap(r -> Optional.ofNullable(r.entry()).map(e -> new FeedPaper(r.paper(), e)).stream())
                .toList();
    }
}
