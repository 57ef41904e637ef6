package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Session;
import org.dailypapers.digest.DigestService;
import org.dailypapers.digest.Subscription;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.foryou.FollowKind;
import org.dailypapers.foryou.ForYou;
import org.dailypapers.foryou.ForYouList;
import org.dailypapers.foryou.Settings;
import org.dailypapers.foryou.SignalKind;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.SearchRequest;

/**
 * {@code /for-you}: a signed-in person's papers of the latest day, week or month, ranked for them. Everything
 * here is personal, so nothing goes through {@link RenderedPages} and every answer is {@code Cache-Control:
 * private, no-store}. Forms post with the session's CSRF token; htmx swaps the answer in where it can, and
 * without JavaScript each form redirects back.
 */
final class ForYouRoutes {
    static final int SHOWN = 50, FOUND = 8, TOPICS = 10, CATEGORIES = 12;

    private final ForYou forYou;
    private final FeedService feed;
    private final PaperSearch search;
    private final DigestService digests;
    private final Visitors visitors;
    private final Templates templates;

    ForYouRoutes(ForYou forYou, FeedService feed, PaperSearch search, DigestService digests, Visitors visitors, Templates templates) {
        this.forYou = forYou;
        this.feed = feed;
        this.search = search;
        this.digests = digests;
        this.visitors = visitors;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/for-you", this::show);
        routes.get("/for-you/find", this::find);
        routes.get("/for-you/follow", this::followButton);
        routes.post("/for-you/opened", this::opened);
        routes.post("/for-you/signal", this::signal);
        routes.post("/for-you/follow", this::follow);
        routes.post("/for-you/start", this::start);
        routes.post("/for-you/settings", this::settings);
    }

    private void show(Context ctx) {
        personal(ctx);
        Optional<Session> signedIn = visitors.session(ctx);
        if (signedIn.isEmpty()) {
            ctx.redirect(AccountRoutes.signInHref("/for-you" + periodQuery(ctx.queryParam("period"))));
            return;
        }
        Session session = signedIn.get();
        Account account = session.account();
        String kind = Optional.ofNullable(ctx.queryParam("period")).orElse("week");
        FeedPeriod period = period(kind);
        Settings settings = forYou.settings(account);
        ForYouList list = forYou.list(account, period, settings.blendPercent(), SHOWN);
        boolean isNew = !list.personal();
        templates.page(ctx, "foryou/foryou.jte", new ForYouPage(account.name(), session.csrfToken(), kind,
                Views.dayRange(period.first(), period.last()), list, isNew, forYou.follows(account),
                isNew ? categories(period) : List.of(), settings.inDigest(),
                settings.inDigest() ? digestNeed(account) : ForYouPage.DigestNeed.NOTHING, account.email().value()));
    }

    /**
     * What the "For you in my digest" setting still needs to take effect: it adds to the digest sent to the
     * account's address, so without a confirmed subscription there it does nothing, and the page says so.
     */
    private ForYouPage.DigestNeed digestNeed(Account account) {
        return switch (digests.find(account.email()).map(Subscription::status).orElse(Subscription.Status.UNSUBSCRIBED)) {
            case CONFIRMED -> ForYouPage.DigestNeed.NOTHING;
            case PENDING -> ForYouPage.DigestNeed.CONFIRMATION;
            case UNSUBSCRIBED, BOUNCED -> ForYouPage.DigestNeed.SUBSCRIPTION;
        };
    }

    /** The latest day, week or month of the feed (the feed's own periods). */
    private FeedPeriod period(String kind) {
        FeedPeriod.Kind k = switch (kind) {
            case "day" -> FeedPeriod.Kind.DAY;
            case "week" -> FeedPeriod.Kind.WEEK;
            case "month" -> FeedPeriod.Kind.MONTH;
            default -> throw HttpProblem.badRequest("period must be day, week or month, not '" + PaperRoutes.shorten(kind) + "'");
        };
        return FeedPeriod.containing(k, feed.latestDay().orElse(java.time.LocalDate.now(org.dailypapers.paper.FeedDays.ZONE)));
    }

    /** The period's most common arXiv categories: what a first visit offers to follow. */
    private List<String> categories(FeedPeriod period) {
        Map<String, Integer> count = new LinkedHashMap<>();
        List<FeedPaper> papers = feed.papers(FeedPeriod.containing(FeedPeriod.Kind.MONTH, period.last()));
        for (FeedPaper fp : papers) fp.paper().categories().forEach(c -> count.merge(c, 1, Integer::sum));
        List<String> top = new ArrayList<>(count.keySet());
        top.sort(Comparator.comparingInt((String c) -> -count.get(c)).thenComparing(Comparator.naturalOrder()));
        return top.subList(0, Math.min(CATEGORIES, top.size()));
    }

    /** "More like this", "not interested", "I like this" (first visit) or "undo" on a card. */
    private void signal(Context ctx) {
        Session session = visitors.require(ctx, "tell us what you like");
        ArxivId id = paper(ctx.formParam("paper"));
        String what = Optional.ofNullable(ctx.formParam("kind")).orElse("");
        String state;
        switch (what) {
            case "more" -> { forYou.signal(session.account(), id, SignalKind.MORE); state = "more"; }
            case "less" -> { forYou.signal(session.account(), id, SignalKind.LESS); state = "less"; }
            case "picked" -> { forYou.signal(session.account(), id, SignalKind.PICKED); state = "picked"; }
            case "undo" -> { forYou.forget(session.account(), id); state = "none"; }
            default -> throw HttpProblem.badRequest("kind must be more, less, picked or undo, not '" + PaperRoutes.shorten(what) + "'");
        }
        personal(ctx);
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
            return;
        }
        templates.fragment(ctx, "foryou/actions.jte", new ForYouPage.Actions(id.value(), session.csrfToken(), List.of(), state));
    }

    /**
     * A click on a search result (the search page's script sends it, as a beacon, for a signed-in visitor):
     * counts as a weak "like". Answers 204; the link itself opens the paper, so nothing here redirects.
     */
    private void opened(Context ctx) {
        Session session = visitors.require(ctx, "tell us what you opened");
        ArxivId id = paper(ctx.formParam("paper"));
        forYou.signal(session.account(), id, SignalKind.OPENED);
        personal(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void followButton(Context ctx) {
        FollowKind kind = followKind(ctx.queryParam("kind"));
        String value = followValue(ctx.queryParam("value"));
        personal(ctx);
        Optional<Session> session = visitors.session(ctx);
        templates.fragment(ctx, "foryou/follow.jte", new ForYouPage.FollowButton(kind.name().toLowerCase(Locale.ROOT),
                value, value, session.isPresent(),
                session.map(s -> forYou.follows(s.account(), kind, value)).orElse(false),
                session.map(Session::csrfToken).orElse(""), null));
    }

    private void follow(Context ctx) {
        Session session = visitors.require(ctx, "follow authors, organizations and topics");
        FollowKind kind = followKind(ctx.formParam("kind"));
        String value = followValue(ctx.formParam("value"));
        boolean on = !"false".equals(ctx.formParam("on"));
        try {
            if (on) forYou.follow(session.account(), kind, value);
            else forYou.unfollow(session.account(), kind, value);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        personal(ctx);
        if (ctx.header("HX-Request") == null) {
            ctx.redirect(back(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        templates.fragment(ctx, "foryou/follow.jte", new ForYouPage.FollowButton(kind.name().toLowerCase(Locale.ROOT),
                value, value, true, on, session.csrfToken(), on ? "Following " + value + "." : "Stopped following " + value + "."));
    }

    /** The first visit's answers: categories ticked and topics typed (one per line). */
    private void start(Context ctx) {
        Session session = visitors.require(ctx, "tell us what you like");
        List<String> categories = ctx.formParams("category");
        String topics = Optional.ofNullable(ctx.formParam("topics")).orElse("");
        List<String> lines = topics.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (categories.size() > 50 || lines.size() > TOPICS) {
            throw HttpProblem.badRequest("at most " + TOPICS + " topics (one per line) and 50 categories");
        }
        if (categories.isEmpty() && lines.isEmpty()) {
            throw HttpProblem.badRequest("tick a category or type a topic (or pick papers you like below)");
        }
        try {
            for (String c : categories) {
                if (!c.matches("[a-z-]{2,16}(\\.[A-Za-z-]{2,8})?")) {
                    throw new IllegalArgumentException("'" + PaperRoutes.shorten(c) + "' is not an arXiv category");
                }
                forYou.follow(session.account(), FollowKind.CATEGORY, c);
            }
            for (String t : lines) forYou.follow(session.account(), FollowKind.TOPIC, t);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        personal(ctx);
        ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
    }

    private void settings(Context ctx) {
        Session session = visitors.require(ctx, "change your settings");
        String blend = Optional.ofNullable(ctx.formParam("blend")).orElse("");
        int percent = ApiRoutes.asciiInt(blend, Integer.MIN_VALUE);
        if (percent == Integer.MIN_VALUE) {
            throw HttpProblem.badRequest("blend must be a whole number from 0 to 100, not '" + PaperRoutes.shorten(blend) + "'");
        }
        if (percent < 0 || percent > 100) {
            throw HttpProblem.badRequest("blend must be from 0 to 100, not " + percent);
        }
        boolean inDigest = "on".equals(ctx.formParam("digest"));
        forYou.saveSettings(session.account(), new Settings(percent, inDigest));
        personal(ctx);
        // a setting that cannot take effect yet: back at the note that says why, which a phone would show off screen
        boolean note = inDigest && digestNeed(session.account()) != ForYouPage.DigestNeed.NOTHING;
        ctx.redirect("/for-you" + periodQuery(ctx.formParam("period")) + (note ? "#digest-need" : ""), HttpStatus.SEE_OTHER);
    }

    /** Search at the first visit: papers to say "I like this" to. */
    private void find(Context ctx) {
        Session session = visitors.require(ctx, "find papers you like");
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (q.length() > SearchForm.MAX_QUERY) {
            throw HttpProblem.badRequest("a search has at most " + SearchForm.MAX_QUERY + " characters");
        }
        personal(ctx);
        var found = q.isEmpty() ? List.<org.dailypapers.paper.PaperRecord>of()
                : search.records(search.searchRelevant(SearchRequest.of(q, FOUND)));
        templates.fragment(ctx, "foryou/found.jte", new ForYouPage.Found(q, found, session.csrfToken()));
    }

    private static ArxivId paper(String value) {
        if (value == null || value.isBlank()) throw HttpProblem.badRequest("paper is missing");
        return ArxivId.parse(value).orElseThrow(() -> HttpProblem.badRequest("'" + PaperRoutes.shorten(value) + "' is not an arXiv id"));
    }

    private static FollowKind followKind(String value) {
        return switch (value == null ? "" : value) {
            case "author" -> FollowKind.AUTHOR;
            case "organization" -> FollowKind.ORGANIZATION;
            case "category" -> FollowKind.CATEGORY;
            case "topic" -> FollowKind.TOPIC;
            default -> throw HttpProblem.badRequest("kind must be author, organization, category or topic");
        };
    }

    private static String followValue(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > ForYou.MAX_VALUE_LENGTH) {
            throw HttpProblem.badRequest("value must have 1 to " + ForYou.MAX_VALUE_LENGTH + " characters");
        }
        return v;
    }

    /** A local path to go back to after a form without htmx (AccountRoutes.next's rule), else {@code /for-you}. */
    private static String back(String next) {
        String path = AccountRoutes.next(next);
        return path.equals("/") && !"/".equals(next) ? "/for-you" : path;
    }

    private static String periodQuery(String period) {
        return period != null && (period.equals("day") || period.equals("month")) ? "?period=" + period : "";
    }

    /** Personal answers are never stored by the browser's or any shared cache. */
    static void personal(Context ctx) {
        ctx.header("Cache-Control", "private, no-store");
    }
}
