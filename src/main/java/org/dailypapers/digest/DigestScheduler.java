package org.dailypapers.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.store.RunClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends digests while {@code serve} runs. Runs happen every day at {@link DigestConfig#sendAt()} in
 * {@link DigestConfig#zone()} (the readers' morning); what a run sends follows the feed's calendar
 * ({@link DigestPeriod#lastCompletedAt}, New York time): the last completed feed day's daily digest, and the
 * last completed ISO week's weekly one if this scheduler has not yet sent it (so the first run after the feed
 * week ends, whatever the zone). On start it catches up the run last due (today's if its time has passed,
 * else yesterday's), daily and weekly, so a restart or downtime loses nothing: sending is idempotent, so at
 * worst that run finds everything sent. One daemon thread; {@link #close()} stops it after the current run
 * has given back its unstarted claims.
 */
public final class DigestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestService digests;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digest-scheduler");
        t.setDaemon(true);
        return t;
    });
    /** The last weekly period fully sent by this scheduler (only touched on the timer thread). */
    private String weeklyDone = "";

    /** Null when this is the only node: then every run is this node's. */
    private final RunClaims claims;

    public DigestScheduler(DigestService digests, Clock clock) {
        this(digests, clock, null);
    }

    /**
     * A scheduler on one of several server nodes sharing the database: each run happens on one node only, and
     * another node takes it over if that node stops mid-run ({@link RunClaims}; the per-subscriber claims already
     * keep a digest from being sent twice, this keeps every node from building every digest).
     */
    public DigestScheduler(DigestService digests, Clock clock, RunClaims claims) {
        this.digests = digests;
        this.clock = clock;
        this.claims = claims;
    }

    public void start() {
        DigestConfig config = digests.config();
        // clock.instant() in the configured zone, not clock.withZone: a clock may ignore the zone it is given.
        ZonedDateTime now = clock.instant().atZone(config.zone());
        Instant lastDue = previousRun(config.sendAt(), now).toInstant();
        // The catch-up is not claimed: each starting node makes sure the last due run completed (sending is
        // idempotent, so it finds everything sent when it did), as a restart did before there were several nodes.
        timer.execute(() -> sendDue(lastDue));
        scheduleNext();
        log.info("Digests are sent daily at {} {} for the last completed New York feed day (weekly ones after the feed"
                + " week ends); next run {}", config.sendAt(), config.zone(), nextRun(config.sendAt(), now));
    }

    private void scheduleNext() {
        ZonedDateTime now = clock.instant().atZone(digests.config().zone());
        ZonedDateTime next = nextRun(digests.config().sendAt(), now);
        timer.schedule(() -> {
            runAt(next.toInstant());
            scheduleNext();
        }, Math.max(0, Duration.between(now, next).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The first moment after {@code now} at {@code sendAt} local time (in {@code now}'s zone). */
    static ZonedDateTime nextRun(LocalTime sendAt, ZonedDateTime now) {
        ZonedDateTime today = now.toLocalDate().atTime(sendAt).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(sendAt).atZone(now.getZone());
    }

    /** The last moment at or before {@code now} at {@code sendAt} local time (in {@code now}'s zone). */
    static ZonedDateTime previousRun(LocalTime sendAt, ZonedDateTime now) {
        ZonedDateTime today = now.toLocalDate().atTime(sendAt).atZone(now.getZone());
        return today.isAfter(now) ? now.toLocalDate().minusDays(1).atTime(sendAt).atZone(now.getZone()) : today;
    }

    /**
     * The run due at {@code at}: the daily digest of the last feed day completed by then, and the weekly one of
     * the last completed feed week unless this scheduler already sent that week completely.
     */
    void runAt(Instant at) {
        if (claims == null) {
            sendDue(at);
        } else {
            claims.runOnce("digest", at.toString(), () -> sendDue(at), () -> timer.isShutdown());
        }
    }

    private void sendDue(Instant at) {
        send(DigestPeriod.DAILY, DigestPeriod.DAILY.lastCompletedAt(at));
        FeedPeriod week = DigestPeriod.WEEKLY.lastCompletedAt(at);
        String key = week.key();
        if (!key.equals(weeklyDone) && send(DigestPeriod.WEEKLY, week)) {
            weeklyDone = key; // a run that stopped early is tried again at the next run
        }
    }

    /** Sends a period's digest; true when every subscriber was dealt with. */
    private boolean send(DigestPeriod kind, FeedPeriod period) {
        try {
            SendSummary summary = digests.send(kind, period.first(), SendOptions.defaults(), DigestSender.Progress.NONE);
            log.info("{} digest {}", kind.id(), summary);
            return summary.ok();
        } catch (RuntimeException e) {
            // The schedule must survive one bad run (a database hiccup); the next run resumes where it stopped.
            log.error("{} digest {} failed", kind.id(), period.key(), e);
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
