package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.vote.Trending;

/**
 * The JSON API, compatible with Hugging Face's: {@code GET /api/daily_papers} (date | week | month, submitter,
 * p, limit, sort) and {@code GET /api/papers/{id}}. Paging follows HF: {@code p} counts pages from 0, and a
 * {@code Link: <...>; rel="next"} header is sent when another page exists.
 */
final class ApiRoutes {
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 50;
    private static final int MAX_PAGE = 10_000;
    /** The longest submitter name stored ({@code feed_entry.submitted_by}). */
    private static final int MAX_SUBMITTER = 200;

    private final FeedService feed;
    private final PaperRepository papers;
    private final ObjectMapper json;
    private final HfJson hf;

    private final RenderedPages pages;

    private final Trending trending;

    private final java.util.Optional<java.net.URI> baseUrl;

    ApiRoutes(FeedService feed, PaperRepository papers, ObjectMapper json, RenderedPages pages, Trending trending,
            java.util.Optional<java.net.URI> baseUrl) {
        this.baseUrl = baseUrl;
        this.pages = pages;
        this.trending = trending;
        this.feed = feed;
        this.papers = papers;
        this.json = json;
        this.hf = new HfJson(json);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/daily_papers", this::dailyPapers);
        routes.get("/api/papers/<id>", this::paper);
    }

    private void dailyPapers(Context ctx) throws Exception {
        String submitter = submitter(ctx);
        // with a submitter and no period, Hugging Face lists that person's papers of every day
        boolean everyDay = submitter != null && ctx.queryParam("date") == null && ctx.queryParam("week") == null
                && ctx.queryParam("month") == null;
        FeedPeriod period = everyDay ? null : period(ctx);
        int page = intParam(ctx, "p", 0, 0, MAX_PAGE);
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String sort = ctx.queryParam("sort");
        boolean empty = period == null && !everyDay;
        List<FeedPaper> found;
        if ("trending".equals(sort)) {
            // Scores change with time, not only with writes: ranked per request over the period's papers.
            List<FeedPaper> candidates = empty ? List.of()
                    : submitter != null ? feed.submittedBy(submitter, period, FeedOrder.UPVOTES, 0, FeedService.PAGE_LIMIT)
                    : feed.papers(period);
            List<FeedPaper> ranked = trending.rank(candidates).stream().map(Trending.Ranked::paper).toList();
            found = ranked.subList(Math.min(ranked.size(), page * limit), Math.min(ranked.size(), page * limit + limit + 1));
        } else {
            FeedOrder order = order(sort);
            found = empty ? List.of()
                    : submitter != null ? feed.submittedBy(submitter, period, order, page * limit, limit + 1)
                    : feed.page(period, order, page * limit, limit + 1);
        }
        // the Link header is absolute (built from the base URL or the request's checked host): a shared cache
        // may keep an answer for a minute, per host
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.header("Vary", "Host");
        if (found.size() > limit) {
            ctx.header("Link", "<" + nextPageUrl(ctx, page + 1) + ">; rel=\"next\"");
        }
        byte[] body = pages.get(ctx, () -> {
            ArrayNode items = json.createArrayNode();
            found.stream().limit(limit).map(hf::dailyItem).forEach(items::add);
            return items.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        ctx.contentType("application/json").result(body);
    }

    private void paper(Context ctx) throws Exception {
        PaperRecord record = PaperRoutes.find(papers, ctx.pathParam("id"));
        var body = hf.paper(record.paper(), record.entry());
        hf.putHubLinks(body, papers.hubLinks(record.paper().id()));
        ctx.contentType("application/json").result(json.writeValueAsBytes(body));
    }

    /** The {@code submitter} filter: a handle or Hugging Face user name, or null when not given. */
    private static String submitter(Context ctx) {
        String raw = ctx.queryParam("submitter");
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        if (name.isEmpty() || name.length() > MAX_SUBMITTER) {
            throw HttpProblem.badRequest("submitter must be a user name of 1 to " + MAX_SUBMITTER + " characters, not '"
                    + PaperRoutes.shorten(raw) + "'");
        }
        return name;
    }

    /** The requested period; with none given, the latest day that has papers (null when the feed is empty). */
    private FeedPeriod period(Context ctx) {
        String date = ctx.queryParam("date");
        String week = ctx.queryParam("week");
        String month = ctx.queryParam("month");
        long given = java.util.stream.Stream.of(date, week, month).filter(v -> v != null).count();
        if (given > 1) {
            throw HttpProblem.badRequest("give at most one of date, week and month");
        }
        if (date != null) {
            return FeedPeriod.parseDay(date);
        }
        if (week != null) {
            return FeedPeriod.parseWeek(week);
        }
        if (month != null) {
            return FeedPeriod.parseMonth(month);
        }
        return feed.latestDay().map(FeedPeriod::day).orElse(null);
    }

    private static FeedOrder order(String sort) {
        if (sort == null || sort.equals("publishedAt")) {
            return FeedOrder.PUBLISHED_AT;
        }
        if (sort.equals("upvotes")) {
            return FeedOrder.UPVOTES;
        }
        throw HttpProblem.badRequest("sort must be publishedAt, upvotes or trending, not '" + PaperRoutes.shorten(sort) + "'");
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        int value = asciiInt(raw.strip(), Integer.MIN_VALUE);
        if (value >= min && value <= max) {
            return value;
        }
        throw HttpProblem.badRequest(name + " must be a whole number from " + min + " to " + max
                + ", not '" + PaperRoutes.shorten(raw) + "'");
    }

    /**
     * {@code text} as an int when it is one written in ASCII digits, else {@code otherwise}: Integer.parseInt also
     * reads other scripts' digits ("٣", "１２"), which no client means as a number.
     */
    static int asciiInt(String text, int otherwise) {
        if (!text.matches("[+-]?[0-9]{1,10}")) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException tooLarge) {
            return otherwise;
        }
    }

    private static final List<String> PAGED_PARAMETERS = List.of("date", "week", "month", "submitter", "sort", "limit");

    private String nextPageUrl(Context ctx, int nextPage) {
        StringBuilder url = new StringBuilder(Clients.siteBase(baseUrl, ctx)).append(ctx.path()).append('?');
        // only the parameters this endpoint reads: others, however long, would only make the header too large
        for (String name : PAGED_PARAMETERS) {
            String value = ctx.queryParam(name);
            if (value != null) {
                url.append(name).append('=').append(encode(value)).append('&');
            }
        }
        return url.append("p=").append(nextPage).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
