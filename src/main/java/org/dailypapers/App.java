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
import org.dailypapers.feed.FeedService;
import org.dailypapers.ingest.HarvestScheduler;
import org.dailypapers.ingest.Harvester;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.paper.FeedRepository;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.VectorFile;
import org.dailypapers.store.Database;
import org.dailypapers.store.HarvestStateRepository;
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
    /** How long a write by another process may take to appear on feed pages. */
    static final java.time.Duration FEED_CACHE_STALENESS = java.time.Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final AppConfig config;
    private final Database database;
    private final PaperRepository papers;
    private final FeedService feed;
    private final PaperImporter importer;
    private final PaperSearch search;
    private final Harvester harvester;
    private final Clock clock;
    private HarvestScheduler harvestSchedule;
    private final PrometheusMeterRegistry metrics;
    private final ObjectMapper json = new ObjectMapper();

    private App(AppConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.papers = new PaperRepository(database, clock);
        this.feed = new FeedService(new FeedRepository(database), FEED_CACHE_STALENESS);
        this.search = PaperSearch.open(config.dataDir().resolve("index"), papers, config.search());
        this.importer = new PaperImporter(papers, changed -> {
            feed.invalidate();
            search.indexed(changed.stream().map(r -> r.paper().id()).distinct().toList());
        });
        this.clock = clock;
        this.harvester = new Harvester(config.harvest(), importer, new HarvestStateRepository(database, clock), clock);
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
    }

    /** Creates the data directory if needed, opens and migrates the database. */
    public static App open(AppConfig config, Clock clock) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        Database database = Database.open(config.database());
        try {
            return new App(config, database, clock);
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

    public PaperSearch search() {
        return search;
    }

    public Harvester harvester() {
        return harvester;
    }

    /** Starts the daily harvests when DAILYPAPERS_HARVEST_ENABLED; returns whether it did. */
    public synchronized boolean startHarvestSchedule() {
        if (config.harvest().scheduled() && harvestSchedule == null) {
            harvestSchedule = HarvestScheduler.start(harvester, clock);
        }
        return harvestSchedule != null;
    }

    /** Loads the bundled demo dataset when enabled and the database holds no papers; empty otherwise. */
    public java.util.Optional<ImportSummary> loadDemoIfEmpty() {
        if (!config.loadDemo() || papers.count() > 0) {
            return java.util.Optional.empty();
        }
        log.info("Empty database: loading the bundled demo dataset");
        try (InputStream in = App.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo dataset " + DEMO_RESOURCE + " is missing from the build");
            }
            // Indexed once afterwards, with the shipped vectors, rather than batch by batch without them.
            ImportSummary summary = new PaperImporter(papers, changed -> feed.invalidate()).importStream("demo dataset", in);
            search.catchUp(demoVectors());
            log.info("Demo dataset loaded: {}; search: {}", summary, search.status());
            return java.util.Optional.of(summary);
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

    /** The web application, not yet started. */
    public Javalin web() {
        return WebApp.create(new WebApp.Deps(feed, papers, search, metrics, json));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (harvestSchedule != null) {
                harvestSchedule.close();
            }
        }
        search.close();
        database.close();
        metrics.close();
    }

}
