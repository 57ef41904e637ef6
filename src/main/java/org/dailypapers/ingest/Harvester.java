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
    private final HarvestConfig config;
    private final PaperImporter importer;
    private final HarvestStateRepository states;
    private final Clock clock;
    private final HarvestHttp.Sleeper sleeper;
    private final int hfPageSize;

    public Harvester(HarvestConfig config, PaperImporter importer, HarvestStateRepository states, Clock clock) {
        this(config, importer, states, clock, HarvestHttp.Sleeper.REAL, HfDailyPapersSource.DEFAULT_PAGE_SIZE);
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

    /** A harvester like this one with another configuration, way of waiting and Hugging Face page size (tests). */
    Harvester with(HarvestConfig other, HarvestHttp.Sleeper otherSleeper, int otherPageSize) {
        return new Harvester(other, importer, states, clock, otherSleeper, otherPageSize);
    }

    public HarvestConfig config() {
        return config;
    }

    HarvestStateRepository states() {
        return states;
    }

    /** Harvests arXiv; see {@link ArxivOaiSource#harvest}. */
    public synchronized HarvestReport arxiv(LocalDate from, LocalDate until, HarvestProgress progress) {
        return new ArxivOaiSource(http(), config, states, importer, clock).harvest(from, until, progress);
    }

    /** Harvests Hugging Face; see {@link HfDailyPapersSource#harvest}. */
    public synchronized HarvestReport hf(LocalDate from, LocalDate until, HarvestProgress progress) {
        return new HfDailyPapersSource(http(), config, states, importer, clock, hfPageSize).harvest(from, until, progress);
    }

    /** The daily run: both sources, incrementally, one after the other (a failure of one does not stop the other). */
    public List<HarvestReport> daily() {
        return List.of(arxiv(null, null, HarvestProgress.NONE), hf(null, null, HarvestProgress.NONE));
    }

    private HarvestHttp http() {
        return new HarvestHttp(config.timeout(), sleeper, clock);
    }
}
