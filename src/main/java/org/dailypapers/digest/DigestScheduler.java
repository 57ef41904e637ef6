package org.dailypapers.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends digests while {@code serve} runs: every day at {@link DigestConfig#sendAt()} in
 * {@link DigestConfig#zone()}, yesterday's daily digest, and on Mondays last week's weekly one. On start it
 * also catches up today's run if its time has passed (after a restart or downtime): sending is idempotent,
 * so at worst that run finds everything sent. One daemon thread; {@link #close()} stops it after the
 * current run has given back its unstarted claims.
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

    public DigestScheduler(DigestService digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    public void start() {
        DigestConfig config = digests.config();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.zone()));
        if (!now.toLocalTime().isBefore(config.sendAt())) {
            timer.execute(() -> runFor(now.toLocalDate()));
        }
        scheduleNext();
        log.info("Digests are sent daily at {} {} (weekly ones on Mondays); next run {}", config.sendAt(), config.zone(),
                nextRun(config.sendAt(), now));
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(digests.config().zone()));
        ZonedDateTime next = nextRun(digests.config().sendAt(), now);
        timer.schedule(() -> {
            runFor(next.toLocalDate());
            scheduleNext();
        }, Math.max(0, Duration.between(now, next).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The first moment after {@code now} at {@code sendAt} local time (in {@code now}'s zone). */
    static ZonedDateTime nextRun(java.time.LocalTime sendAt, ZonedDateTime now) {
        ZonedDateTime today = now.toLocalDate().atTime(sendAt).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(sendAt).atZone(now.getZone());
    }

    /** The runs due on {@code today}: yesterday's daily digest, and on Mondays last week's weekly one. */
    void runFor(LocalDate today) {
        send(DigestPeriod.DAILY, today);
        if (today.getDayOfWeek() == DayOfWeek.MONDAY) {
            send(DigestPeriod.WEEKLY, today);
        }
    }

    private void send(DigestPeriod kind, LocalDate today) {
        try {
            SendSummary summary = digests.send(kind, kind.lastCompleted(today).first(), SendOptions.defaults(),
                    DigestSender.Progress.NONE);
            log.info("{} digest {}", kind.id(), summary);
        } catch (RuntimeException e) {
            // The schedule must survive one bad run (a database hiccup); the next run resumes where it stopped.
            log.error("{} digest for {} failed", kind.id(), today, e);
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
