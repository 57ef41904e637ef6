package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.syndication.FeedFormat;
import org.dailypapers.syndication.OwnPapersFeedSource;
import org.dailypapers.syndication.PaperList;

/**
 * Every public list as RSS 2.0, Atom and JSON Feed: a list page's path plus {@code /rss}, {@code /atom} or
 * {@code /feed.json} ({@link FeedLinks}). {@code /rss} (the last week of the feed) and
 * {@code /papers/date/{day}/rss} keep the addresses readers subscribed to before the other feeds existed.
 * A new list gets its feeds with one call to {@link #add}.
 */
final class SyndicationRoutes {
    /** Items of a period's feed (a day rarely has more; a month's feed shows its best). */
    static final int PERIOD_ITEMS = 200;
    /** Items of the other lists: a reader keeps what it has already seen. */
    static final int LIST_ITEMS = 50;
    private static final int MAX_NAME = 200;
    /** How many matches a search feed looks at before it keeps the newest {@link #LIST_ITEMS}. */
    private static final int SEARCH_POOL = 200;

    /** The papers of a list, from the request of one of its feeds (its path parameters, its query). */
    @FunctionalInterface
    interface ListSource {
        /** @throws HttpProblem 404 when there is no such list, 400 for a bad parameter */
        PaperList list(Context ctx);
    }

    private final FeedService feed;
    private final PaperSearch search;
    private final WebApp.Community community;
    private final Optional<URI> baseUrl;
    private final FeedResponses responses;
    private final OwnPapersFeedSource people;

    SyndicationRoutes(WebApp.Deps deps) {
        this.feed = deps.feed();
        this.search = deps.search();
        this.community = deps.community();
        this.baseUrl = deps.baseUrl();
        this.responses = new FeedResponses(deps.live().clock());
        this.people = new OwnPapersFeedSource(community.upvotes(), community.submissions(), deps.papers());
    }

    void register(RoutesConfig routes) {
        add(routes, "/", this::lastWeek);
        add(routes, "/papers/date/{day}", ctx -> period(FeedPeriod.parseDay(ctx.pathParam("day"))));
        add(routes, "/papers/week/{week}", ctx -> period(FeedPeriod.parseWeek(ctx.pathParam("week"))));
        add(routes, "/papers/month/{month}", ctx -> period(FeedPeriod.parseMonth(ctx.pathParam("month"))));
        add(routes, "/papers/trending", ctx -> new PaperList("Daily Papers: trending",
                "Papers ranked by time-decayed upvotes.", "/papers/trending",
                TrendingRoutes.top(feed, community.feedRepository(), community.trending(), LIST_ITEMS)));
        add(routes, "/organizations/{name}", this::organization);
        add(routes, "/authors/{name}", this::author);
        add(routes, "/users/{handle}", this::person);
        add(routes, "/search", this::search);
    }

    /**
     * Serves the feeds of the list page at {@code pagePath}, a Javalin path such as {@code /collections/{id}}:
     * {@code pagePath/rss}, {@code pagePath/atom} and {@code pagePath/feed.json}, with conditional requests
     * and public caching. The page itself advertises them with {@code feeds = FeedLinks.of(path, title)}.
     */
    void add(RoutesConfig routes, String pagePath, ListSource source) {
        for (FeedFormat format : FeedFormat.values()) {
            routes.get(FeedLinks.href(pagePath, "", format), ctx -> send(ctx, format, source.list(ctx), false));
        }
    }

    /** Writes {@code list} as a feed of {@code format}; {@code personal}: a private feed (never in a shared cache). */
    void send(Context ctx, FeedFormat format, PaperList list, boolean personal) {
        String base = Clients.siteBase(baseUrl, ctx);
        String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        responses.send(ctx, format, FeedDocuments.of(list, base, self), personal);
    }

    /** The last seven feed days up to the latest, newest first: what {@code /rss} has always been. */
    private PaperList lastWeek(Context ctx) {
        LocalDate latest = feed.latestDay().orElse(null);
        List<FeedPaper> papers = latest == null ? List.of()
                : feed.page(new FeedPeriod(FeedPeriod.Kind.WEEK, latest.minusDays(6), latest), FeedOrder.PUBLISHED_AT, 0, PERIOD_ITEMS);
        return new PaperList("Daily Papers", "Trending research papers, picked each day by the community.", "/", papers);
    }

    private PaperList period(FeedPeriod period) {
        List<FeedPaper> papers = feed.papers(period);
        return new PaperList("Daily Papers of " + period.title(), "The papers of " + period.title() + ", most upvoted first.",
                period.path(), papers.subList(0, Math.min(PERIOD_ITEMS, papers.size())));
    }

    private PaperList organization(Context ctx) {
        String name = ctx.pathParam("name");
        List<FeedPaper> papers = name.length() > MAX_NAME ? List.of() : feed.organization(name);
        if (papers.isEmpty()) {
            throw HttpProblem.notFound("No organization named '" + PaperRoutes.shorten(name) + "' has papers here.");
        }
        String shown = papers.getFirst().paper().organization().displayName();
        return new PaperList("Daily Papers: " + shown, "Papers from " + shown + ", newest first.", Views.organizationPath(name),
                papers.subList(0, Math.min(LIST_ITEMS, papers.size())));
    }

    private PaperList author(Context ctx) {
        String name = ctx.pathParam("name").strip();
        List<String> ids = name.isEmpty() || name.length() > MAX_NAME ? List.of() : search.byAuthor(name);
        if (ids.isEmpty()) {
            throw HttpProblem.notFound("No author named '" + PaperRoutes.shorten(name) + "' has papers here.");
        }
        List<FeedPaper> papers = search.recordsOf(ids.subList(0, Math.min(LIST_ITEMS, ids.size()))).stream()
                .map(r -> new FeedPaper(r.paper(), r.entry())).toList();
        return new PaperList("Daily Papers: " + name, "Papers by " + name + ", newest first.", Views.authorPath(name), papers);
    }

    /** A person here (upvoted or submitted), or a Hugging Face name (papers they put on the feed), as their page. */
    private PaperList person(Context ctx) {
        String handle = ctx.pathParam("handle");
        Optional<Account> account = community.accounts().byHandle(handle);
        if (account.isPresent()) {
            return people.papersFor(account.get());
        }
        List<FeedPaper> papers = handle.length() > 100 ? List.of() : community.feedRepository().submittedBy(handle, 0, LIST_ITEMS);
        if (papers.isEmpty()) {
            throw HttpProblem.notFound("Nobody called '" + PaperRoutes.shorten(handle) + "' has submitted or upvoted papers here.");
        }
        return new PaperList("Daily Papers: papers " + handle + " submitted", "Papers " + handle + " put on the feed, newest first.",
                Views.userPath(handle), papers);
    }

    /**
     * A saved search: the search page's filters ({@code q}, {@code from}, {@code to}, {@code org}, {@code cat},
     * {@code code}) plus {@code author} and {@code min_upvotes}. A feed wants what is new, so it lists the newest
     * of the best {@value #SEARCH_POOL} matches, newest first, and only papers that match the words (never a
     * merely nearest one, as a digest's topic does).
     */
    private PaperList search(Context ctx) {
        SearchFeedQuery query = SearchFeedQuery.of(ctx);
        SearchRequest request = query.request(SEARCH_POOL);
        List<FeedPaper> matches = new ArrayList<>();
        List<org.dailypapers.search.ScoredPaper> found = request.query().isBlank() ? search.search(request) : search.searchRelevant(request);
        for (var record : search.records(found)) {
            int upvotes = record.entry() == null ? 0 : record.entry().upvotes();
            if (upvotes >= query.minUpvotes()) {
                matches.add(new FeedPaper(record.paper(), record.entry()));
            }
        }
        matches.sort(Comparator.comparing(SyndicationRoutes::appeared).reversed());
        return new PaperList("Daily Papers search: " + query.describe(), "Papers matching " + query.describe() + ", newest first.",
                "/search?" + query.form().query(), matches.subList(0, Math.min(LIST_ITEMS, matches.size())));
    }

    private static java.time.Instant appeared(FeedPaper p) {
        return p.entry() != null ? p.entry().submittedAt() : p.paper().publishedAt();
    }
}
