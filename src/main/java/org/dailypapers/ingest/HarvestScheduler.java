package org.dailypapers.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dailypapers.store.RunClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Harvester#daily()} every day at a local time in a zone (DST-aware: on the day a time does not
 * exist, it runs as much later as the clocks jumped), on one background thread, inside {@code serve}: the search
 * index allows one writer process, so a server's harvests must run in the server. A failed run is logged and
 * the next day's is scheduled regardless. Close it before closing what it writes to.
 *
 * <p>Each run is logged once: one line saying what it harvested, or why it failed (a source that cannot be
 * reached fails at its first request, so a server without network fails fast and quietly). {@link #status()}
 * says how the runs went, for {@code /health} and the feed's notice; it reads memory only, so a page never
 * waits on a harvest.
 */
public final class HarvestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

    private final Harvester harvester;
    private final LocalTime time;
    private final ZoneId zone;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "harvest-scheduler");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile boolean running;
    private volatile Instant nextRun;
    private volatile java.util.Optional<Instant> lastSuccess;
    private volatile java.util.Optional<Instant> lastFailure = java.util.Optional.empty();
    private volatile List<String> failures = List.of();
    /** Null when this is the only node: then every run is this node's. */
    private final RunClaims claims;

    private HarvestScheduler(Harvester harvester, Clock clock, RunClaims claims) {
        this.harvester = harvester;
        this.claims = claims;
        this.lastSuccess = harvester.lastCompleted();
        this.time = harvester.config().time();
        this.zone = harvester.config().zone();
        this.clock = clock;
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() drops the next run
    }

    /** Delay of a catch-up run after start: the server is up and serving first. */
    public static final Duration CATCH_UP_DELAY = Duration.ofSeconds(30);

    /**
     * Schedules the first run at the next configured time; or, when the last scheduled run was missed (the
     * server was down then, or a run was cut short, or nothing was ever harvested), a catch-up run
     * {@link #CATCH_UP_DELAY} after start, then the daily ones.
     */
    public static HarvestScheduler start(Harvester harvester, Clock clock) {
        return start(harvester, clock, CATCH_UP_DELAY);
    }

    /** As {@link #start(Harvester, Clock)}, with the catch-up run {@code catchUpDelay} after start (tests: at once). */
    public static HarvestScheduler start(Harvester harvester, Clock clock, Duration catchUpDelay) {
        return start(harvester, clock, catchUpDelay, null);
    }

    /**
     * As {@link #start(Harvester, Clock, Duration)} on one of several server nodes sharing the database: each
     * scheduled run (a catch-up stands for the run it catches up) happens on one node only, and another node
     * takes it over if that node stops mid-run ({@link RunClaims}).
     */
    public static HarvestScheduler start(Harvester harvester, Clock clock, Duration catchUpDelay, RunClaims claims) {
        HarvestScheduler scheduler = new HarvestScheduler(harvester, clock, claims);
        Instant previous = nextRun(clock.instant(), scheduler.time, scheduler.zone).minusDays(1).toInstant();
        if (harvester.missedSince(previous)) {
            log.info("The harvest due at {} did not run: harvesting in {} s", previous, catchUpDelay.toSeconds());
            scheduler.nextRun = clock.instant().plus(catchUpDelay);
            // Its own claim, apart from the scheduled run's: that one may have finished, with a failure, on some node.
            scheduler.executor.schedule(() -> scheduler.run("catch-up " + previous), catchUpDelay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            scheduler.scheduleNext();
        }
        return scheduler;
    }

    /** The first instant strictly after {@code now} at which the local time in {@code zone} is {@code time}. */
    static ZonedDateTime nextRun(Instant now, LocalTime time, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), time, zone);
        return today.toInstant().isAfter(now) ? today : ZonedDateTime.of(local.toLocalDate().plusDays(1), time, zone);
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        ZonedDateTime next = nextRun(now, time, zone);
        log.info("Next harvest of arXiv and Hugging Face at {}", next);
        nextRun = next.toInstant();
        Instant slot = next.toInstant();
        executor.schedule(() -> run(slot.toString()), Duration.between(now, slot).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How the scheduled runs went; reads memory only. */
    public HarvestStatus status() {
        return new HarvestStatus(true, lastSuccess, lastFailure, failures,
                closed || running ? java.util.Optional.empty() : java.util.Optional.ofNullable(nextRun), running);
    }

    /** The run due at {@code slot}, here or, when another node has it, nowhere (its outcome is read back after). */
    private void run(String slot) {
        try {
            boolean here = claims == null ? runHere() : claims.runOnce("harvest", slot, this::runHere, () -> closed);
            if (!here) {
                lastSuccess = harvester.lastCompleted(); // another node harvested: the database says how far
            }
        } catch (RuntimeException e) {
            log.error("The daily harvest due at {} could not be claimed", slot, e);
        } finally {
            scheduleNext();
            running = false; // only now: a status read in between would show the run just done as the next one
        }
    }

    private boolean runHere() {
        running = true;
        try {
            List<HarvestReport> reports = harvester.daily();
            List<String> failures = new ArrayList<>();
            reports.stream().filter(r -> !r.completed()).forEach(r -> failures.add(r.source() + ": " + r.failure()));
            if (reports.size() < Harvester.SOURCES) {
                failures.add((Harvester.SOURCES - reports.size()) + " source(s) failed with an internal error (logged above)");
            }
            Instant ended = clock.instant();
            if (failures.isEmpty()) {
                lastSuccess = java.util.Optional.of(ended);
                log.info("Harvested {}", reports.stream().map(HarvestReport::toString).collect(Collectors.joining("; ")));
            } else {
                this.failures = List.copyOf(failures);
                lastFailure = java.util.Optional.of(ended);
                log.warn("The harvest failed: {}", String.join("; ", failures));
            }
        } catch (RuntimeException e) {
            failures = List.of("internal error: " + e);
            lastFailure = java.util.Optional.of(clock.instant());
            log.error("The daily harvest failed", e);
        }
        return true;
    }

    /**
     * Cancels the next run and stops one under way at its next request or wait ({@link Harvester#stop}: never by
     * interrupting the thread, which would break a Lucene write), then waits for it to end.
     */
    @Override
    public void close() {
        closed = true;
        harvester.stop();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The harvest did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
