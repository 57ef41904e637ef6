package org.dailypapers.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Harvester#daily()} every day at a local time in a zone (DST-aware: on the day a time does not
 * exist, it runs as much later as the clocks jumped), on one background thread, inside {@code serve}: the search
 * index allows one writer process, so a server's harvests must run in the server. A failed run is logged and
 * the next day's is scheduled regardless. Close it before closing what it writes to.
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

    private HarvestScheduler(Harvester harvester, Clock clock) {
        this.harvester = harvester;
        this.time = harvester.config().time();
        this.zone = harvester.config().zone();
        this.clock = clock;
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() drops the next run
    }

    /** Delay of a catch-up run after start: the server is up and serving first. */
    static final Duration CATCH_UP_DELAY = Duration.ofSeconds(30);

    /**
     * Schedules the first run at the next configured time; or, when the last scheduled run was missed (the
     * server was down then, or a run was cut short, or nothing was ever harvested), a catch-up run
     * {@link #CATCH_UP_DELAY} after start, then the daily ones.
     */
    public static HarvestScheduler start(Harvester harvester, Clock clock) {
        return start(harvester, clock, CATCH_UP_DELAY);
    }

    static HarvestScheduler start(Harvester harvester, Clock clock, Duration catchUpDelay) {
        HarvestScheduler scheduler = new HarvestScheduler(harvester, clock);
        Instant previous = nextRun(clock.instant(), scheduler.time, scheduler.zone).minusDays(1).toInstant();
        if (harvester.missedSince(previous)) {
            log.info("The harvest due at {} did not run: harvesting in {} s", previous, catchUpDelay.toSeconds());
            scheduler.executor.schedule(scheduler::run, catchUpDelay.toMillis(), TimeUnit.MILLISECONDS);
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
        executor.schedule(this::run, Duration.between(now, next.toInstant()).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            for (HarvestReport report : harvester.daily()) {
                if (report.completed()) {
                    log.info("Harvested {}", report);
                } else {
                    log.warn("Harvest stopped early: {}: {}", report, report.failure());
                }
            }
        } catch (RuntimeException e) {
            log.error("The daily harvest failed", e);
        } finally {
            scheduleNext();
        }
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
