package org.dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.dailypapers.account.Accounts;
import org.dailypapers.curation.Curation;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedRepository;
import org.dailypapers.submit.Submissions;
import org.dailypapers.vote.Trending;
import org.dailypapers.vote.Upvotes;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.PaperSearch;

/** Builds the web application from its collaborators; {@link #create} does no I/O until started. */
public final class WebApp {
    /**
     * Pages load nothing from other hosts (privacy, offline use); KaTeX sets inline styles on what it
     * renders, hence style attributes are allowed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /**
     * The most a request line plus headers may take. Jetty's default (8 KB) refused a search query of some
     * 8,000 characters with its own "414 URI Too Long" page, before {@link SearchForm} could say that a query
     * has at most {@value SearchForm#MAX_QUERY} characters. 32 KB lets a query of several times that limit reach
     * the app's own 400 (1,000 characters take at most 9 KB percent-encoded); beyond it {@link EarlyErrors}
     * answers.
     */
    static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

    /** The most a request body may take (a form, an API call): Javalin and {@link WholeBodies} refuse more with 413. */
    static final int MAX_REQUEST_BODY_BYTES = 64 * 1024;

    /**
     * The slowest a request body may arrive, in bytes per second, measured from when its headers were read: a
     * browser sends a form in one go, so only a client that trickles its body (to hold a connection) is cut off,
     * with 408. The body is read without holding a thread ({@link WholeBodies}), so this bounds how long a
     * connection lasts (at most 256 s for a 64 KB body), not how many threads are tied up.
     */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 256;

    /** What the web layer needs; built by the composition root. */
    public record Deps(FeedService feed, PaperRepository papers, PaperSearch search, PrometheusMeterRegistry metrics, ObjectMapper json,
            java.util.Optional<org.dailypapers.mail.Outbox> mailbox, org.dailypapers.digest.DigestService digests,
            java.util.Optional<java.net.URI> baseUrl, Community community, java.util.List<String> allowedHosts, Live live,
            org.dailypapers.foryou.ForYou forYou) {}

    /**
     * What changes while the server runs, beside the data: the clock (which day is today in New York), how the
     * scheduled harvests went, and whether the first start's loading is done.
     */
    public record Live(java.time.Clock clock, java.util.function.Supplier<org.dailypapers.ingest.HarvestStatus> harvest,
            Startup startup) {}

    /** The community side: accounts, votes, trending, submissions, curation, personal API tokens. */
    public record Community(Accounts accounts, Upvotes upvotes, Trending trending, Submissions submissions, Curation curation,
            FeedRepository feedRepository, java.util.Optional<java.net.URI> baseUrl,
            org.dailypapers.collection.PaperCollections collections, org.dailypapers.claims.Claims claims,
            org.dailypapers.account.AccountData accountData, org.dailypapers.syndication.PrivateFeeds privateFeeds,
            org.dailypapers.apitoken.ApiTokens apiTokens, org.dailypapers.discussion.Discussion discussion) {}

    private WebApp() {}

    public static Javalin create(Deps deps) {
        Templates templates = new Templates(deps.community().claims()::accepted);
        RenderedPages pages = new RenderedPages(deps.feed());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BODY_BYTES;
            config.http.prefer405over404 = true; // a method the address does not answer: 405 with Allow (ErrorHandling)
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new EarlyErrors(deps.json()));
                // Javalin puts its servlet context inside these: bodies are read whole, off the thread pool,
                // and a trickling one is cut off (Jetty 12.1 ignores HttpConfiguration.setMinRequestDataRate)
                server.setHandler(new org.eclipse.jetty.server.handler.MinimumDataRateHandler(new HeadAsGet(
                        new org.eclipse.jetty.server.handler.EagerContentHandler(new WholeBodies(MAX_REQUEST_BODY_BYTES))),
                        MIN_REQUEST_BYTES_PER_SECOND, 0));
            });
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=86400");
            });
            securityHeaders(config);
            config.routes.before(AllowedHosts.of(deps.baseUrl(), deps.allowedHosts())::check); // refuse a foreign Host first
            timeRequests(config, deps.metrics());
            new ErrorHandling(templates, deps.json()).register(config.routes);
            config.routes.before(new StartupGate(deps.live().startup(), templates)::handle);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "papers", deps.papers().count(),
                    "search", SearchStatusRoutes.health(deps.search()),
                    "harvest", harvestHealth(deps.live().harvest().get()))));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(deps.metrics().scrape()));
            Community c = deps.community();
            Visitors visitors = new Visitors(c.accounts(), c.baseUrl().map(u -> "https".equals(u.getScheme())).orElse(false));
            config.routes.before(RequestCharset::check); // before anything reads a form
            config.routes.before(ctx -> { // WholeBodies passes such a request on unread
                if (ctx.contentLength() > MAX_REQUEST_BODY_BYTES) {
                    throw HttpProblem.of(413, "The request is too large (at most " + MAX_REQUEST_BODY_BYTES / 1024 + " KB).");
                }
            });
            // only where a route answers the method: elsewhere nothing can change, and the answer is 404 or 405
            config.routes.beforeMatched(visitors::checkCsrf);
            new DiscussionRoutes(c.discussion(), deps.papers(), visitors, templates, deps.json()).register(config.routes); // before /papers/<id>
            new FeedRoutes(deps.feed(), templates, pages, deps.live(), () -> deps.feed().catalogueSize(deps.papers()::count)).register(config.routes);
            SyndicationRoutes feeds = new SyndicationRoutes(deps); // before PaperRoutes: /papers/trending/rss is no paper id
            feeds.register(config.routes);
            feeds.add(config.routes, "/collections/{id}", ctx -> c.collections().publicContents(ctx.pathParam("id"))
                    .map(list -> new org.dailypapers.syndication.PaperList(list.collection().name(),
                            "A collection by " + list.collection().ownerName() + " on Daily Papers", "/collections/" + list.collection().id(),
                            list.items().stream().map(i -> new org.dailypapers.paper.FeedPaper(i.record().paper(), i.record().entry())).toList()))
                    .orElseThrow(() -> HttpProblem.notFound("There is no public collection " + ctx.pathParam("id") + ".")));
            new SearchRoutes(deps.search(), deps.feed(), deps.papers(), templates, deps.json()).register(config.routes);
            new ApiRoutes(deps.feed(), deps.papers(), deps.json(), pages, c.trending(), deps.baseUrl()).register(config.routes);
            new PaperListRoutes(deps.papers(), deps.json(), deps.baseUrl()).register(config.routes);
            new OpenApiRoutes().register(config.routes);
            new OrganizationRoutes(deps.feed(), templates).register(config.routes);
            new AuthorRoutes(deps.search(), templates).register(config.routes);
            new AccountRoutes(c.accounts(), c.upvotes(), visitors, templates, c.baseUrl(), deps.mailbox().isPresent()).register(config.routes);
            new TrendingRoutes(deps.feed(), c.feedRepository(), c.trending(), templates, pages).register(config.routes);
            new VoteRoutes(c.upvotes(), visitors, templates).register(config.routes);
            new SubmitRoutes(c.submissions(), c.curation(), visitors, templates).register(config.routes);
            new ApiTokenRoutes(c.apiTokens(), c.submissions(), deps.papers(), visitors, templates, deps.json()).register(config.routes);
            new CurationRoutes(c.curation(), deps.papers(), visitors, templates).register(config.routes);
            new SearchStatusRoutes(deps.search(), c.accounts(), visitors, templates).register(config.routes);
            new ProfileRoutes(c.accounts(), c.submissions(), c.upvotes(), deps.papers(), c.feedRepository(), templates, c.claims())
                    .register(config.routes);
            new CollectionRoutes(c.collections(), c.accounts(), visitors, templates, deps.json()).register(config.routes);
            new CollectionApiRoutes(c.collections(), c.accounts(), visitors, deps.json()).register(config.routes);
            new SaveMenuRoutes(c.collections(), visitors, templates).register(config.routes);
            new CardSignalRoutes(deps.forYou(), visitors, templates).register(config.routes); // before PaperRoutes' /papers/<id>
            new CiteRoutes(deps.papers(), deps.json()).register(config.routes);
            new ClaimRoutes(c.claims(), deps.papers(), visitors, templates).register(config.routes);
            new AccountDataRoutes(c.accountData(), c.claims(), visitors, templates, deps.json()).register(config.routes);
            new PaperRoutes(deps.papers(), deps.search(), templates, pages, new PaperMarkdown(c.discussion()::markdownOf)).register(config.routes);
            new DigestRoutes(deps.digests(), deps.baseUrl(), templates).register(config.routes);
            new PrivateFeedRoutes(c.privateFeeds(), feeds, visitors, templates, deps.baseUrl()).register(config.routes);
            new ForYouRoutes(deps.forYou(), deps.feed(), deps.search(), deps.digests(), visitors, templates).register(config.routes);
            deps.mailbox().ifPresent(outbox -> new MailboxRoutes(outbox, templates).register(config.routes));
        });
    }

    /** The JSON of {@code /api/papers/search} for these papers, for the command line's {@code --json}. */
    public static String searchJson(java.util.List<org.dailypapers.paper.PaperRecord> records) {
        return new HfJson(new ObjectMapper()).searchItems(records).toPrettyString();
    }

    /** The harvests for {@code /health}: times in ISO-8601 UTC, null where there is none (JSON null, not left out). */
    private static Map<String, Object> harvestHealth(org.dailypapers.ingest.HarvestStatus h) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("enabled", h.enabled());
        out.put("running", h.running());
        out.put("lastSuccess", h.lastSuccess().map(Object::toString).orElse(null));
        out.put("lastFailure", h.lastFailure().map(Object::toString).orElse(null));
        out.put("lastFailureReason", h.failures().isEmpty() ? null : String.join("; ", h.failures()));
        out.put("nextRun", h.nextRun().map(Object::toString).orElse(null));
        return out;
    }

    private static void securityHeaders(JavalinConfig config) {
        config.routes.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        });
    }

    private static void timeRequests(JavalinConfig config, PrometheusMeterRegistry metrics) {
        config.requestLogger.http((ctx, ms) -> {
            var matched = ctx.endpoints().list().stream().filter(e -> e.method.isHttpMethod()).toList();
            String route = matched.isEmpty() ? "unmatched" : matched.getLast().path;
            Timer.builder("http.server.requests")
                    .tag("method", ctx.method().name())
                    .tag("route", route)
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .register(metrics)
                    .record(Duration.ofNanos((long) (ms * 1_000_000)));
        });
    }
}
