package org.dailypapers.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.store.HarvestStateRepository;

/**
 * The harvests of one instance: arXiv (OAI-PMH) and Hugging Face (daily papers), configured once, saving
 * through the instance's importer (so the feed cache and search index follow). Runs are serialised: a
 * scheduled run and another caller in the same process never harvest at once. Thread-safe.
 */
public final class Harvester {
    /** The sources {@link #daily()} harvests. */
    static final int SOURCES = 2;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Harvester.class);
    private final HarvestConfig config;
    private final PaperImporter importer;
    private final HarvestStateRepository states;
    private final Clock clock;
    private final HarvestHttp.Sleeper sleeper;
    private final int hfPageSize;
    private final java.util.Set<HarvestHttp> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public Harvester(HarvestConfig config, PaperImporter importer, HarvestStateRepository states, Clock clock) {
        this(config, importer, states, clock, null, HfDailyPapersSource.DEFAULT_PAGE_SIZE);
    }

    private Harvester(HarvestConfig config, PaperImporter importer, HarvestStateRepository states, Clock clock,
            HarvestHttp.Sleeper sleeper, int hfPageSize) {
        this.config = config;
        this.importer = importer;
        this.states = states;
        this.clock = clock;
        this.sleeper = sleeper;
        this.hfPageSize = hfPageSize;
    }

    /** A harvester like this one with another configuration, way of waiting (null: really wait) and Hugging Face page size (tests). */
    Harvester with(HarvestConfig other, HarvestHttp.Sleeper otherSleeper, int otherPageSize) {
        return with(other, otherSleeper, otherPageSize, clock);
    }

    /** As {@link #with(HarvestConfig, HarvestHttp.Sleeper, int)}, with another clock too. */
    Harvester with(HarvestConfig other, HarvestHttp.Sleeper otherSleeper, int otherPageSize, Clock otherClock) {
        return new Harvester(other, importer, states, otherClock, otherSleeper, otherPageSize);
    }

    public HarvestConfig config() {
        return config;
    }

    HarvestStateRepository states() {
        return states;
    }

    Clock clock() {
        return clock;
    }

    /** Harvests arXiv; see {@link ArxivOaiSource#harvest}. */
    public synchronized HarvestReport arxiv(LocalDate from, LocalDate until, HarvestProgress progress) {
        HarvestHttp http = start();
        try {
            return new ArxivOaiSource(http, config, states, importer, clock).harvest(from, until, progress);
        } finally {
            running.remove(http);
            http.close();
        }
    }

    /** Harvests Hugging Face; see {@link HfDailyPapersSource#harvest}. */
    public synchronized HarvestReport hf(LocalDate from, LocalDate until, HarvestProgress progress) {
        HarvestHttp http = start();
        try {
            return new HfDailyPapersSource(http, config, states, importer, clock, hfPageSize).harvest(from, until, progress);
        } finally {
            running.remove(http);
            http.close();
        }
    }

    /**
     * Stops the run under way soon, without interrupting its thread (it ends at its next request or wait, after
     * the write it is doing), and every later one at once: for shutting down. Callable from any thread.
     */
    public void stop() {
        stopped = true;
        running.forEach(HarvestHttp::cancel);
    }

    /**
     * Whether the daily run was missed since {@code since} (a server was down at the scheduled time): a source
     * was never harvested, was last saved before then, or stopped in the middle of a run.
     */
    public boolean missedSince(java.time.Instant since) {
        for (String key : List.of(ArxivOaiSource.key(config.arxivSet()), HfDailyPapersSource.KEY)) {
            var saved = states.lastSaved(key);
            if (saved.isEmpty() || saved.get().isBefore(since) || states.find(key).inProgress()) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a source last finished a run (its state saved with no run left in progress), or empty when none has:
     * what {@code /health} calls the last success before this process ran one.
     */
    public java.util.Optional<java.time.Instant> lastCompleted() {
        java.util.Optional<java.time.Instant> latest = java.util.Optional.empty();
        for (String key : List.of(ArxivOaiSource.key(config.arxivSet()), HfDailyPapersSource.KEY)) {
            var saved = states.lastSaved(key);
            if (saved.isPresent() && !states.find(key).inProgress()
                    && (latest.isEmpty() || saved.get().isAfter(latest.get()))) {
                latest = saved;
            }
        }
        return latest;
    }

    /** The daily run: both sources, incrementally, one after the other (a failure of one does not stop the other). */
    public List<HarvestReport> daily() {
        List<HarvestReport> reports = new java.util.ArrayList<>();
        for (var source : List.<java.util.function.Supplier<HarvestReport>>of(
                () -> arxiv(null, null, HarvestProgress.NONE), () -> hf(null, null, HarvestProgress.NONE))) {
            try {
                reports.add(source.get());
            } catch (RuntimeException e) {
                // A busy database or a failing index in one source must not cost the other its daily run.
                log.error("A scheduled harvest failed; the other source runs anyway", e);
            }
        }
        return reports;
    }

    private HarvestHttp start() {
        HarvestHttp http = new HarvestHttp(config.timeout(), sleeper, clock);
        running.add(http);
        if (stopped) {
            http.cancel();
        }
        return http;
    }
}
