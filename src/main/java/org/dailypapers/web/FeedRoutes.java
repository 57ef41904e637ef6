package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedPeriod.Kind;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedPaper;

/** The feed screens: {@code /} (latest day), one day, one ISO week, one month. */
final class FeedRoutes {
    /**
     * Cards on one page of a period. A day rarely has more; a busy month has over 600, which as one page is
     * over half a megabyte of HTML and thousands of DOM nodes on a phone.
     */
    static final int PAGE_SIZE = 50;

    private final FeedService feed;
    private final Templates templates;
    private final RenderedPages pages;
    private final WebApp.Live live;
    private final java.util.function.LongSupplier paperCount;

    FeedRoutes(FeedService feed, Templates templates, RenderedPages pages, WebApp.Live live, java.util.function.LongSupplier paperCount) {
        this.feed = feed;
        this.templates = templates;
        this.pages = pages;
        this.live = live;
        this.paperCount = paperCount;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::latest);
        routes.get("/papers/date/{day}", ctx -> show(ctx, FeedPeriod.parseDay(ctx.pathParam("day"))));
        routes.get("/papers/week/{week}", ctx -> show(ctx, FeedPeriod.parseWeek(ctx.pathParam("week"))));
        routes.get("/papers/month/{month}", ctx -> show(ctx, FeedPeriod.parseMonth(ctx.pathParam("month"))));
        routes.get("/papers/week", ctx -> redirectToLatest(ctx, Kind.WEEK));
        routes.get("/papers/month", ctx -> redirectToLatest(ctx, Kind.MONTH));
        routes.get("/papers/date", ctx -> redirectToLatest(ctx, Kind.DAY));
    }

    /**
     * The latest feed day, named by its date; or, while nobody has put a paper on the feed, the newest arXiv
     * listings. Either way with how old it is and, when old, why (rendered with that, and cached under it).
     */
    private void latest(Context ctx) {
        LocalDate day = feed.latestDay().orElse(null);
        if (day != null) {
            Freshness fresh = freshness(day);
            Templates.html(ctx, pages.get(ctx, fresh, () -> templates.pageBytes("feed/feed.jte", page(FeedPeriod.day(day), fresh, pageNumber(ctx)))));
            return;
        }
        List<FeedPaper> arxiv = feed.newestOnArxiv();
        if (arxiv.isEmpty()) {
            templates.page(ctx, "error.jte", new ErrorPage(200, "No papers yet",
                    "The feed is empty. Import papers with ./dailypapers import PATH, or start with an empty data directory to load the demo data."));
            return;
        }
        List<ArxivDaysPage.Day> days = ArxivDaysPage.byDay(arxiv);
        Freshness fresh = freshness(days.getFirst().day());
        Templates.html(ctx, pages.get(ctx, fresh, () -> templates.pageBytes("feed/arxiv.jte",
                new ArxivDaysPage(days, paperCount.getAsLong(), fresh))));
    }

    private Freshness freshness(LocalDate newest) {
        return Freshness.of(newest, LocalDate.now(live.clock().withZone(org.dailypapers.paper.FeedDays.ZONE)), live.harvest().get());
    }

    private void redirectToLatest(Context ctx, Kind kind) {
        LocalDate day = feed.latestDay().orElse(LocalDate.now(live.clock().withZone(org.dailypapers.paper.FeedDays.ZONE)));
        ctx.redirect(FeedPeriod.containing(kind, day).path());
    }

    private void show(Context ctx, FeedPeriod period) {
        int number = pageNumber(ctx);
        Templates.html(ctx, pages.get(ctx, () -> templates.pageBytes("feed/feed.jte", page(period, null, number))));
    }

    private static int pageNumber(Context ctx) {
        return ApiRoutes.intParam(ctx, "page", 1, 1, FeedService.PAGE_LIMIT / PAGE_SIZE);
    }

    /** {@code freshness}: on {@code /} only (the latest day), else null. */
    private FeedPage page(FeedPeriod period, Freshness freshness, int number) {
        boolean latest = freshness != null;
        List<FeedPaper> all = feed.papers(period);
        int pageCount = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number > pageCount) {
            throw HttpProblem.notFound(period.title() + " has " + Views.count(pageCount, "page") + " of papers, not " + number);
        }
        int from = (number - 1) * PAGE_SIZE;
        List<FeedPaper> papers = all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
        String base = latest ? "/" : period.path();
        FeedPage.Paging paging = new FeedPage.Paging(number, pageCount, all.size(), from,
                number > 1 ? pageHref(base, number - 1) : null,
                number < pageCount ? pageHref(base, number + 1) : null);
        FeedService.Neighbours around = feed.neighbours(period);
        Function<FeedPeriod, FeedPage.Link> link = p -> new FeedPage.Link(p.path(), label(p));
        LocalDate anchor = period.kind() == Kind.DAY ? period.first()
                : all.isEmpty() ? period.first() : all.getFirst().entry().feedDay();
        return new FeedPage(
                period,
                papers,
                around.previous().map(link).orElse(null),
                around.next().map(link).orElse(null),
                link.apply(FeedPeriod.containing(Kind.WEEK, anchor)),
                link.apply(FeedPeriod.containing(Kind.MONTH, anchor)),
                link.apply(FeedPeriod.day(anchor)),
                "/rss",
                latest,
                number == 1 ? feed.featured(period) : List.of(),
                freshness,
                paging);
    }

    private static String pageHref(String base, int number) {
        return number == 1 ? base : base + "?page=" + number;
    }

    private static String label(FeedPeriod p) {
        return switch (p.kind()) {
            case DAY -> Views.day(p.first());
            case WEEK -> Views.dayRange(p.first(), p.last());
            case MONTH -> p.title();
        };
    }
}
