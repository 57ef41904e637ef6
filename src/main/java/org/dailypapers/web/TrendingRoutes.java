package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.FeedRepository;
import org.dailypapers.vote.Trending;
import org.dailypapers.web.CommunityPages.TrendingPage;

/**
 * {@code /papers/trending}: the papers of the last {@link #WINDOW} of the feed (counted back from its latest
 * day, so an instance whose feed stopped still shows something) plus any paper upvoted here in that time,
 * ranked by {@link Trending}'s score.
 */
final class TrendingRoutes {
    static final Duration WINDOW = Duration.ofDays(30);
    static final int SHOWN = 50;

    private final FeedService feed;
    private final FeedRepository repository;
    private final Trending trending;
    private final Templates templates;
    private final RenderedPages pages;

    TrendingRoutes(FeedService feed, FeedRepository repository, Trending trending, Templates templates, RenderedPages pages) {
        this.feed = feed;
        this.repository = repository;
        this.trending = trending;
        this.templates = templates;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/papers/trending", this::show);
    }

    private void show(Context ctx) {
        Templates.html(ctx, pages.get(ctx, () -> templates.pageBytes("vote/trending.jte",
                new TrendingPage(top(SHOWN), trending.halfLife().toHours()))));
    }

    /** The {@code limit} highest-scoring papers. */
    List<FeedPaper> top(int limit) {
        return top(feed, repository, trending, limit);
    }

    /** The {@code limit} highest-scoring papers (also the trending feed's). */
    static List<FeedPaper> top(FeedService feed, FeedRepository repository, Trending trending, int limit) {
        Instant latest = feed.latestDay()
                .map(d -> d.plusDays(1).atStartOfDay(org.dailypapers.paper.FeedDays.ZONE).toInstant())
                .orElse(trending.now());
        List<FeedPaper> candidates = repository.recent(latest.minus(WINDOW), trending.now().minus(WINDOW), 5_000);
        return trending.rank(candidates).stream().limit(limit).map(Trending.Ranked::paper).toList();
    }
}
