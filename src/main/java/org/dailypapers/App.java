package org.dailypapers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.dailypapers.account.Accounts;
import org.dailypapers.curation.Curation;
import org.dailypapers.digest.DigestScheduler;
import org.dailypapers.digest.DigestService;
import org.dailypapers.feed.FeedService;
import org.dailypapers.ingest.HarvestScheduler;
import org.dailypapers.ingest.Harvester;
import org.dailypapers.submit.Submissions;
import org.dailypapers.vote.Trending;
import org.dailypapers.vote.Upvotes;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.mail.Mailer;
import org.dailypapers.mail.OutboxMailer;
import org.dailypapers.mail.Outbox;
import org.dailypapers.mail.SmtpMailer;
import org.dailypapers.paper.FeedRepository;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.IndexInStepMarker;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.VectorFile;
import org.dailypapers.foryou.ForYou;
import org.dailypapers.foryou.RankerParams;
import org.dailypapers.store.ChangeBus;
import org.dailypapers.store.Database;
import org.dailypapers.store.HarvestStateRepository;
import org.dailypapers.store.RunClaims;
import org.dailypapers.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds and wires collaborators. Open it, use what it exposes,
 * close it. Not a singleton: tests open as many as they like, each on its own data directory.
 */
public final class App implements AutoCloseable {
    /** The bundled demo dataset: every paper of ../shared/data/hf-daily-papers, in the export format. */
    public static final String DEMO_RESOURCE = "/demo/papers.jsonl.gz";
    /** How many papers {@link #DEMO_RESOURCE} holds, for the loading page's "N of 9,877" (DemoDatasetTest checks it). */
    public static final long DEMO_PAPERS = 9_877;
    /** How long a write by another process may take to appear on feed pages. */
    static final java.time.Duration FEED_CACHE_STALENESS = java.time.Duration.ofSeconds(10);
    /** In the data directory while an import or harvest runs (see {@link #importing}). */
    public static final String IMPORT_MARKER = "import.unfinished";
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** How often the search outbox looks for queued writes: the most a write waits before the engine has it. */
    static final long SEARCH_OUTBOX_INTERVAL_MS = 500;

    private final AppConfig config;
    private final Database database;
    private final PaperRepository papers;
    private final FeedService feed;
    private final PaperImporter importer;
    private final PaperSearch search;
    private final Harvester harvester;
    private volatile HarvestScheduler harvestSchedule;
    /** The status while harvests are not scheduled here, read once: every request to / asks for it. */
    private volatile org.dailypapers.ingest.HarvestStatus harvestOff;
    private final PrometheusMeterRegistry metrics;
    private final Mailer mailer;
    private final FeedRepository feedRepository;
    private final Accounts accounts;
    private final Upvotes upvotes;
    private final ForYou forYou;
    private final Trending trending;
    private final Submissions submissions;
    private final Curation curation;
    private final org.dailypapers.collection.PaperCollections collections;
    private final org.dailypapers.claims.Claims claims;
    private final org.dailypapers.account.AccountData accountData;
    private final org.dailypapers.discussion.Discussion discussion;
    private final DigestService digests;
    /** Private feed secrets; also the private feed's part of a person's data (export, erase). */
    private final org.dailypapers.syndication.FeedSecretRepository feedSecrets;
    private final org.dailypapers.syndication.PrivateFeeds privateFeeds;
    private final org.dailypapers.apitoken.ApiTokenRepository apiTokenData;
    private final org.dailypapers.apitoken.ApiTokens apiTokens;
    private final java.util.concurrent.atomic.AtomicReference<DigestScheduler> digestSchedule = new java.util.concurrent.atomic.AtomicReference<>();
    private final Clock clock;
    private final org.dailypapers.web.Startup startup;
    private final ObjectMapper json = new ObjectMapper();
    /** Scheduled runs (harvest, digests) happen once however many nodes share the database. */
    private final RunClaims runClaims;
    /** Tells the other nodes on the same database what this one changed; set last in the constructor. */
    private ChangeBus changes;
    /** Indexes what other nodes changed, off the thread that listens for their notices. */
    private final java.util.concurrent.ExecutorService indexChanges = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-other-nodes-changes");
        t.setDaemon(true);
        return t;
    });
    private final boolean readOnlyIndex;
    /** With the solr backend: the queue through which every write reaches the engine; null: embedded search. */
    private final org.dailypapers.solr.SearchOutbox searchOutbox;

    private App(AppConfig config, Database database, Clock clock, boolean readOnlyIndex) {
        this.config = config;
        this.database = database;
        this.papers = new PaperRepository(database, clock);
        // Starting until loadDemoIfEmpty has loaded the demo, so a server whose port is already open never shows an empty feed.
        this.startup = config.loadDemo() && papers.count() == 0
                ? org.dailypapers.web.Startup.starting() : org.dailypapers.web.Startup.alreadyReady();
        this.feedRepository = new FeedRepository(database);
        this.feed = new FeedService(feedRepository, FEED_CACHE_STALENESS);
        this.search = readOnlyIndex
                ? PaperSearch.openReadOnly(config.dataDir().resolve("index"), papers, config.search())
                : PaperSearch.open(config.dataDir().resolve("index"), papers, config.search());
        if (!readOnlyIndex && indexInStep(config, database, search, papers)) {
            search.markInStep(); // serve then skips comparing every paper with the index
        }
        this.searchOutbox = config.solr().map(solr -> solrBackend(solr, database, clock)).orElse(null);
        this.importer = new PaperImporter(papers, changed -> {
            feed.invalidate();
            java.util.List<org.dailypapers.paper.ArxivId> ids = changed.stream().map(r -> r.paper().id()).distinct().toList();
            search.indexed(ids);
            toSearchEngine(ids);
            publish(new ChangeBus.Change(ChangeBus.Kind.PAPERS, ids.stream().map(org.dailypapers.paper.ArxivId::value).toList()));
        }, search::writeMissed, search::enterWrite);
        this.mailer = config.mail().smtp()
                .<Mailer>map(smtp -> new SmtpMailer(smtp, config.mail().from()))
                .orElseGet(() -> new OutboxMailer(outbox(), config.mail().from(), clock));
        this.clock = clock;
        CommunityConfig community = config.community();
        this.accounts = new Accounts(database, community.account(), mailer, clock);
        // A vote changes counts and order on cached feed pages: they are dropped like after an import.
        this.upvotes = new Upvotes(database, clock, () -> {
            feed.invalidate();
            publish(ChangeBus.Change.feed());
        });
        this.trending = new Trending(upvotes, community.trendingHalfLife(), clock);
        this.forYou = new ForYou(database, feed, search, upvotes, RankerParams.DEFAULT, clock);
        this.digests = new DigestService(config.digest(), database, feed, search, mailer, config.baseUrlOrLocal(), clock,
                new org.dailypapers.foryou.DigestPicks(forYou, accounts, org.dailypapers.foryou.DigestPicks.SHOWN));
        // An accepted claim changes names on cached pages: they are dropped like after a vote.
        this.claims = new org.dailypapers.claims.Claims(database, papers, community.account(),
                org.dailypapers.claims.PaperAddresses.NONE, clock, feed::invalidate);
        this.submissions = new Submissions(database, papers, importer, community.submission(), clock, claims::isAcceptedAuthor);
        // Deleting an account changes counts and names on pages: the claims are read again and the caches dropped.
        this.accountData = new org.dailypapers.account.AccountData(database, clock, claims::changed);
        accountData.register(new org.dailypapers.vote.UpvotesPersonalData(database));
        accountData.register(new org.dailypapers.submit.SubmissionsPersonalData(database));
        accountData.register(new org.dailypapers.digest.DigestPersonalData(database));
        accountData.register(new org.dailypapers.claims.ClaimsPersonalData(claims));
        this.curation = new Curation(database, community.account(), clock, paper -> {
            feed.invalidate();
            search.indexed(java.util.List.of(paper));
            toSearchEngine(java.util.List.of(paper));
            publish(new ChangeBus.Change(ChangeBus.Kind.PAPERS, java.util.List.of(paper.value())));
        }, search::enterWrite);
        this.collections = new org.dailypapers.collection.PaperCollections(database, papers, clock);
        forYou.readCollections(collections::collected); // papers in a person's own collections count as liked
        forYou.readDigestTopics(account -> digests.topicsOf(account.email())); // digest topics count as followed
        this.feedSecrets = new org.dailypapers.syndication.FeedSecretRepository(database);
        // What a private feed lists: the person's for-you ranking of the latest feed week (their blend, no papers
        // they marked "not interested"), at most 50.
        this.privateFeeds = new org.dailypapers.syndication.PrivateFeeds(feedSecrets, accounts, new org.dailypapers.syndication.PersonalFeedSource() {
            @Override
            public org.dailypapers.syndication.PaperList papersFor(org.dailypapers.account.Account account) {
                java.util.List<org.dailypapers.paper.FeedPaper> ranked = feed.latestDay()
                        .map(d -> forYou.ranked(account, org.dailypapers.feed.FeedPeriod.week(d))).orElse(java.util.List.of());
                return new org.dailypapers.syndication.PaperList("Daily Papers: for " + account.name(),
                        "The latest feed week ranked for you", "/for-you?period=week",
                        ranked.subList(0, Math.min(50, ranked.size())));
            }

            @Override
            public String describe() {
                return "Your for-you ranking of the latest feed week (at most 50 papers).";
            }
        }, clock);
        accountData.register(feedSecrets);
        this.apiTokenData = new org.dailypapers.apitoken.ApiTokenRepository(database);
        this.apiTokens = new org.dailypapers.apitoken.ApiTokens(apiTokenData, database, clock);
        accountData.register(apiTokenData);
        accountData.register(new org.dailypapers.foryou.ForYouPersonalData(database));
        accountData.register(collections.personalData());
        // A comment changes the count on cached feed pages, as a vote does; the discussion itself is fetched apart.
        this.discussion = new org.dailypapers.discussion.Discussion(database, curation, mailer, config.baseUrlOrLocal(), clock, feed::invalidate);
        accountData.register(discussion.personalData());
        this.harvester = new Harvester(config.harvest(), importer, new HarvestStateRepository(database, clock), clock);
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        this.readOnlyIndex = readOnlyIndex;
        String node = java.util.UUID.randomUUID().toString();
        this.runClaims = new RunClaims(database, node, clock, RunClaims.DEFAULT_TTL);
        org.dailypapers.search.SharedVectors shared = org.dailypapers.search.SharedVectors.NONE;
        if (!database.config().isSqlite() && !readOnlyIndex) {
            // Several nodes on one PostgreSQL: each paper is encoded once, by one of them, and shared.
            shared = new org.dailypapers.search.SharedVectorRepository(database, node, clock,
                    () -> publish(new ChangeBus.Change(ChangeBus.Kind.VECTORS, java.util.List.of())));
        }
        if (searchOutbox != null && !readOnlyIndex) {
            shared = searchOutbox.enqueueing(shared); // a vector computed here reaches the engine too
        }
        if (shared != org.dailypapers.search.SharedVectors.NONE) {
            search.shareVectors(shared);
        }
        this.changes = ChangeBus.open(database, this::changedElsewhere);
    }

    /**
     * The solr backend: searches run on the alias, and writes are queued in the database for the outbox worker
     * ({@link #startSearchOutbox()}), which takes the vectors this node's index or another node computed.
     */
    private org.dailypapers.solr.SearchOutbox solrBackend(org.dailypapers.solr.SolrConfig solr, Database database, Clock clock) {
        org.dailypapers.solr.SolrHttp http = new org.dailypapers.solr.SolrHttp(solr.urls(), solr.timeout());
        // searches wait briefly (then this node's index answers); writes and collection changes may take longer
        search.searchOn(new org.dailypapers.solr.SolrBackend(new org.dailypapers.solr.SolrHttp(solr.urls(),
                solr.queryTimeout(), org.dailypapers.solr.SolrConfig.QUERY_CONNECT_TIMEOUT), solr));
        return org.dailypapers.solr.SearchOutbox.withKnownVectors(database, papers, http, solr, search::vectorsOf, clock);
    }

    /** Queues these papers' documents for the search engine (solr backend only; the embedded index is written directly). */
    private void toSearchEngine(java.util.Collection<org.dailypapers.paper.ArxivId> ids) {
        if (searchOutbox != null) {
            searchOutbox.enqueue(ids.stream().map(org.dailypapers.paper.ArxivId::value).toList());
        }
    }

    /**
     * With the solr backend, starts writing queued papers to the engine (for {@code serve}; stopped by
     * {@link #close()}): the alias and its first collection are created when missing. Returns whether it started.
     */
    public boolean startSearchOutbox() {
        if (searchOutbox == null) {
            return false;
        }
        searchOutbox.start(SEARCH_OUTBOX_INTERVAL_MS);
        return true;
    }

    /** The solr backend's write queue, when configured. */
    public java.util.Optional<org.dailypapers.solr.SearchOutbox> searchOutbox() {
        return java.util.Optional.ofNullable(searchOutbox);
    }

    private void publish(ChangeBus.Change change) {
        ChangeBus bus = changes;
        if (bus != null) {
            bus.publish(change);
        }
    }

    /**
     * Another node sharing the database changed something: cached pages are dropped at once; changed papers are
     * (re)indexed here too, since each node keeps its own search index.
     */
    private void changedElsewhere(ChangeBus.Change change) {
        if (change.kind() == ChangeBus.Kind.VECTORS) {
            search.vectorsShared();
            return;
        }
        feed.invalidate();
        if (readOnlyIndex || change.kind() == ChangeBus.Kind.FEED) {
            return;
        }
        indexChanges.execute(() -> {
            if (change.kind() == ChangeBus.Kind.PAPERS) {
                search.indexed(change.ids().stream().map(org.dailypapers.paper.ArxivId::parse).flatMap(java.util.Optional::stream).toList());
            } else {
                search.catchUp(java.util.Map.of());
            }
            feed.invalidate(); // pages rendered while indexing may show the old search state
        });
    }

    /** Creates the data directory if needed, opens and migrates the database, and takes the search index. */
    public static App open(AppConfig config, Clock clock) {
        return open(config, clock, false);
    }

    /**
     * For commands that run beside {@code serve} on the same data (a cron job's {@code digest send}): as
     * {@link #open}, but the search index is only read, never locked or written, so importing is refused.
     * Without an index yet (so no server has run on this data) it opens as {@link #open} does.
     */
    public static App openBesideServer(AppConfig config, Clock clock) {
        return open(config, clock, PaperSearch.exists(config.dataDir().resolve("index")));
    }

    private static App open(AppConfig config, Clock clock, boolean readOnlyIndex) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        Database database = Database.open(config.database());
        try {
            return new App(config, database, clock, readOnlyIndex);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public AppConfig config() {
        return config;
    }

    public PaperRepository papers() {
        return papers;
    }

    public FeedService feed() {
        return feed;
    }

    public PaperImporter importer() {
        return importer;
    }

    /**
     * Runs {@code work}, which saves papers through {@link #importer()} (an import, a harvest), so that a crash
     * cannot leave the search index behind the database for good. Each batch reaches the database before the
     * index, so a process killed between the two leaves papers that the next import finds unchanged and would
     * never index. A marker file in the data directory says an import is under way; a run that finds one left
     * by a killed run first brings the index in step with the database, as {@code serve} does on start.
     */
    public <T> T importing(java.util.function.Supplier<T> work) {
        java.nio.file.Path marker = config.dataDir().resolve(IMPORT_MARKER);
        try {
            if (java.nio.file.Files.exists(marker)) {
                log.info("An earlier import into {} stopped before it finished: bringing the search index in step first",
                        config.dataDir());
                log.info("Search index caught up with the database: {}", search.catchUp(java.util.Map.of()));
            }
            java.nio.file.Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
            T result = search.deferringCommits(work);
            java.nio.file.Files.delete(marker);
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + marker, e);
        }
    }

    public Accounts accounts() {
        return accounts;
    }

    /** Personal rankings: {@code forYou().ranked(account, period)} is a person's for-you list of a period. */
    public ForYou forYou() {
        return forYou;
    }

    /** The for-you part of a person's data (signals, follows, settings), for the account's export and deletion. */
    public org.dailypapers.account.PersonalData forYouData() {
        return new org.dailypapers.foryou.ForYouPersonalData(database);
    }

    public Upvotes upvotes() {
        return upvotes;
    }

    public Trending trending() {
        return trending;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Curation curation() {
        return curation;
    }

    /** Collections; {@code collections().publicContents(id)} gives a public collection's papers in order (for feeds). */
    public org.dailypapers.collection.PaperCollections collections() {
        return collections;
    }

    public org.dailypapers.claims.Claims claims() {
        return claims;
    }

    /** Every capability's personal data: the export and the account deletion; register one more part here. */
    public org.dailypapers.account.AccountData accountData() {
        return accountData;
    }

    /** Comments on papers; {@code discussion().personalData()} is its share of a person's data. */
    public org.dailypapers.discussion.Discussion discussion() {
        return discussion;
    }

    public PaperSearch search() {
        return search;
    }

    public Harvester harvester() {
        return harvester;
    }

    /** Starts the daily harvests when DAILYPAPERS_HARVEST_ENABLED; returns whether it did. */
    public boolean startHarvestSchedule() {
        return startHarvestSchedule(HarvestScheduler.CATCH_UP_DELAY);
    }

    /** As {@link #startHarvestSchedule()}, with a missed run caught up {@code catchUpDelay} after start (tests). */
    synchronized boolean startHarvestSchedule(java.time.Duration catchUpDelay) {
        if (config.harvest().scheduled() && harvestSchedule == null) {
            harvestSchedule = HarvestScheduler.start(harvester, clock, catchUpDelay, runClaims);
        }
        return harvestSchedule != null;
    }

    /**
     * How the scheduled harvests went ({@code /health}, the feed's notice); "off" when they are not running here.
     * Cheap (memory only after the first call): it is asked on every request to {@code /}.
     */
    public org.dailypapers.ingest.HarvestStatus harvestStatus() {
        HarvestScheduler schedule = harvestSchedule;
        if (schedule != null) {
            return schedule.status();
        }
        org.dailypapers.ingest.HarvestStatus off = harvestOff;
        if (off == null) {
            // While serve runs, no other process harvests into its data (the index lock refuses it), so this stays true.
            harvestOff = off = org.dailypapers.ingest.HarvestStatus.off(harvester.lastCompleted());
        }
        return off;
    }

    /** Where mail goes: SMTP when configured, otherwise the outbox. */
    public Mailer mailer() {
        return mailer;
    }

    /** Email digests: subscriptions and sending. */
    public DigestService digests() {
        return digests;
    }

    /** Starts sending digests on schedule (for {@code serve}), when DAILYPAPERS_DIGEST_ENABLED; stopped by {@link #close()}. */
    public void startDigestSchedule() {
        if (config.digest().enabled() && digestSchedule.compareAndSet(null, new DigestScheduler(digests, clock, runClaims))) {
            config.warnings().forEach(w -> log.warn("{}", w));
            digestSchedule.get().start();
        }
    }

    /** The outbox in the data directory; it receives mail only when no SMTP server is configured. */
    public Outbox outbox() {
        return new Outbox(config.dataDir().resolve("outbox"));
    }

    /**
     * Whether the web app serves normally or answers "starting" (with the demo import's progress): ready unless
     * {@link #loadDemoIfEmpty} is loading. {@code serve} opens its port before loading, so a visitor sees how far
     * it has got instead of a refused connection.
     */
    public org.dailypapers.web.Startup startup() {
        return startup;
    }

    /**
     * Loads the bundled demo dataset when enabled and the database holds no papers; empty otherwise. While it
     * loads, {@link #startup()} is not ready and counts the papers in.
     */
    public java.util.Optional<ImportSummary> loadDemoIfEmpty() {
        if (!config.loadDemo() || papers.count() > 0) {
            return java.util.Optional.empty();
        }
        startup.loading(DEMO_PAPERS, papers::count);
        try {
            return java.util.Optional.of(loadDemo());
        } finally {
            startup.ready();
        }
    }

    private ImportSummary loadDemo() {
        log.info("Empty database: loading the bundled demo dataset");
        try (InputStream in = App.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo dataset " + DEMO_RESOURCE + " is missing from the build");
            }
            // Indexed once afterwards, with the shipped vectors, rather than batch by batch without them.
            ImportSummary summary = new PaperImporter(papers, changed -> feed.invalidate()).importStream("demo dataset", in);
            search.catchUp(demoVectors());
            java.util.List<org.dailypapers.paper.ArxivId> all = new java.util.ArrayList<>();
            papers.forEach(r -> all.add(r.paper().id()));
            toSearchEngine(all);
            publish(new ChangeBus.Change(ChangeBus.Kind.EVERYTHING, java.util.List.of()));
            log.info("Demo dataset loaded: {}; search: {}", summary, search.status());
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shipped vectors of the demo papers when they were computed with the configured model (a different
     * model computes its own in the background); empty otherwise.
     */
    private java.util.Map<String, float[]> demoVectors() throws IOException {
        String resource = "/demo/vectors-" + config.search().model().id() + ".dpvf";
        try (InputStream in = App.class.getResourceAsStream(resource)) {
            if (in == null) {
                log.info("No shipped demo vectors for {}: they will be computed in the background", config.search().model().id());
                return java.util.Map.of();
            }
            java.nio.file.Path copy = Files.createTempFile(config.dataDir(), "demo-vectors", ".dpvf");
            try {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return VectorFile.read(copy).vectors();
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** Personal API tokens ({@code /account/tokens}); their share of a person's data is {@link #apiTokenData()}. */
    public org.dailypapers.apitoken.ApiTokens apiTokens() {
        return apiTokens;
    }

    /** The API tokens' part of the data export and account deletion. */
    public org.dailypapers.account.PersonalData apiTokenData() {
        return apiTokenData;
    }

    /** The web application, not yet started. */
    public Javalin web() {
        java.util.Optional<Outbox> mailbox = config.mail().smtp().isPresent() ? java.util.Optional.empty() : java.util.Optional.of(outbox());
        return WebApp.create(new WebApp.Deps(feed, papers, search, metrics, json, mailbox, digests, config.baseUrl(),
                new WebApp.Community(accounts, upvotes, trending, submissions, curation, feedRepository, config.baseUrl(),
                        collections, claims, accountData, privateFeeds, apiTokens, discussion),
                config.allowedHosts(), new WebApp.Live(clock, this::harvestStatus, startup), forYou));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (harvestSchedule != null) {
                harvestSchedule.close();
            }
        }
        java.util.Optional.ofNullable(digestSchedule.get()).ifPresent(DigestScheduler::close);
        changes.close();
        indexChanges.shutdown();
        try {
            indexChanges.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runClaims.close();
        if (searchOutbox != null) {
            searchOutbox.close();
        }
        if (mailer instanceof SmtpMailer smtp) {
            smtp.close();
        }
        search.close();
        if (!readOnlyIndex && !databaseSharedWithOthers(database) && search.inStepWithDatabase()) {
            try {
                String stamp = java.util.UUID.randomUUID().toString(); // database first: a marker without it never matches
                new org.dailypapers.store.SearchIndexStampRepository(database).write(stamp);
                IndexInStepMarker.write(config.dataDir().resolve("index"), stamp);
            } catch (RuntimeException e) { // the next start compares every paper: slower, never wrong
                log.warn("Could not record that the search index is in step with the database", e);
            }
        }
        database.close();
        metrics.close();
    }

    /**
     * Whether the index holds what the database does, as the writer opens it: the last writer closed it in
     * step and nothing else wrote the database since (no other node, no import cut short), or both are empty.
     * Takes (deletes) the marker, so a crash from now on leaves none behind.
     */
    private static boolean indexInStep(AppConfig config, Database database, PaperSearch search, PaperRepository papers) {
        boolean marked = IndexInStepMarker.take(config.dataDir().resolve("index"),
                new org.dailypapers.store.SearchIndexStampRepository(database).read().orElse(""));
        if (databaseSharedWithOthers(database) || java.nio.file.Files.exists(config.dataDir().resolve(IMPORT_MARKER))) {
            return false;
        }
        return marked || (search.indexedCount() == 0 && papers.count() == 0);
    }

    /**
     * A database other nodes may write while this one is stopped (PostgreSQL): its papers can change behind
     * this node's index, which must then be compared with it at every start.
     */
    private static boolean databaseSharedWithOthers(Database database) {
        return !database.config().isSqlite();
    }

}
