package org.dailypapers.digest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.mail.MailException;
import org.dailypapers.mail.MailMessage;
import org.dailypapers.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one period's digest to every confirmed subscriber of its kind, at most once per (address, period),
 * however runs overlap, crash or restart. Subscribers are read a page at a time in address order, so memory
 * does not grow with their number. Thread-safe: any number of runs, in this or other processes sharing
 * the database, may work on the same period at once.
 *
 * <h2>The delivery state machine</h2>
 * Each (address, period key) has at most one row in {@code digest_delivery} (its primary key). Every arrow
 * below is one conditional SQL statement, so when two runs race for a row exactly one wins.
 * <pre>
 *   (no row) ──claim──▶ CLAIMED(run) ──start──▶ SENDING(run) ──accepted──▶ SENT
 *                          ▲  │                    │  │  └──permanent 5xx──▶ BOUNCED (+ subscription bounced)
 *       stale claim taken  │  │ run stops early:   │  └──transient, tries left: back to CLAIMED(run), wait, retry
 *       over by a new run ─┘  │ row deleted        └──transient, no tries left──▶ FAILED ──claim (next run)──▶ CLAIMED
 * </pre>
 * <ul>
 *   <li><b>CLAIMED</b>: reserved by a run; nothing has been handed to the mail server. Only the holder may
 *   start it. If the holder dies, another run takes the row over once {@code claimed_at} is older than
 *   {@link SendOptions#lease()}; a holder that stops early (interrupted) deletes its CLAIMED rows so a
 *   restart can resume at once. Taking over is safe: this mail was certainly not sent.</li>
 *   <li><b>SENDING</b>: the holder is handing the message to the mailer. If the holder dies here we cannot
 *   know whether the server accepted the message, so the row is <em>not</em> taken over (at most once) and
 *   is reported as in progress; an operator may pass {@code --resend-uncertain}
 *   ({@link SendOptions#resendUncertain()}) to take over stale SENDING rows too. At most one message per
 *   crashed run and thread is in this window.</li>
 *   <li><b>SENT</b>, <b>BOUNCED</b>: final. <b>FAILED</b>: every try met a transient error (the server said
 *   "not now"), so it was certainly not delivered; the next run claims it again.</li>
 * </ul>
 * A crashed run therefore resumes on the next run after the lease (or at once after a clean stop), and
 * the only mail that can be lost or (with {@code --resend-uncertain}) doubled is the one in flight at the
 * moment of the crash. Starting a send also requires the subscription to still be confirmed, so an
 * unsubscribe during a run takes effect before the next message.
 */
public final class DigestSender {
    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
    /**
     * A run gives up after this many messages in a row failed every try: the mail server is down or refuses
     * us, and going on would take the retries and timeouts of every remaining subscriber for nothing.
     */
    public static final int GIVE_UP_AFTER = 5;

    /** Told how many of the period's subscribers have been dealt with. */
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void update(int done, int total);
    }

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DigestMessages messages;
    private final DigestTokens tokens;
    private final Mailer mailer;
    private final Clock clock;

    DigestSender(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DigestMessages messages,
            DigestTokens tokens, Mailer mailer, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.messages = messages;
        this.tokens = tokens;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Sends {@code edition} to its subscribers who have not had it. Returns early, with
     * {@link SendSummary#stoppedEarly()}, when the calling thread is interrupted or after
     * {@link #GIVE_UP_AFTER} failed messages in a row: messages in flight finish, unstarted claims are given
     * back. An unexpected exception (not a {@link MailException}) ends the run
     * at once, leaving its claims to expire like a crash's.
     */
    public SendSummary send(DigestEdition edition, SendOptions options, Progress progress) {
        String key = edition.period().key();
        int total = subscriptions.countConfirmed(edition.kind());
        if (edition.isEmpty()) {
            return new SendSummary(key, total, 0, 0, 0, 0, 0, true, false);
        }
        Run run = new Run(UUID.randomUUID().toString(), key, edition, options);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "digest-sender");
            t.setDaemon(true);
            return t;
        });
        try {
            String after = "";
            int done = 0;
            while (!run.stopping.get()) {
                if (Thread.currentThread().isInterrupted()) { // a stop that arrived outside a wait
                    run.interrupted.set(true);
                    break;
                }
                List<Subscription> page = subscriptions.confirmedAfter(edition.kind(), after, options.pageSize());
                if (page.isEmpty()) {
                    break;
                }
                after = page.getLast().email().value();
                sendPage(run, page, pool);
                done += page.size();
                progress.update(Math.min(done, total), total);
            }
            deliveries.release(key, run.id);
        } finally {
            pool.shutdown();
        }
        if (run.interrupted.get()) {
            Thread.currentThread().interrupt();
        }
        return new SendSummary(key, total, run.sent.get(), run.alreadySent.get(), run.failed.get(), run.bounced.get(),
                run.inProgress.get(), false, run.stopping.get() || run.interrupted.get());
    }

    private void sendPage(Run run, List<Subscription> page, ExecutorService pool) {
        long now = clock.millis();
        List<String> emails = page.stream().map(s -> s.email().value()).toList();
        Map<String, DeliveryRepository.Row> rows = deliveries.claim(emails, run.key, run.id, now,
                now - run.options.lease().toMillis(), run.options.resendUncertain());
        List<Future<?>> mine = new ArrayList<>();
        for (Subscription s : page) {
            DeliveryRepository.Row row = rows.get(s.email().value());
            if (row != null && row.state().equals(DeliveryRepository.CLAIMED) && row.run().equals(run.id)) {
                mine.add(pool.submit(() -> deliver(run, s)));
            } else if (row != null && (row.state().equals(DeliveryRepository.SENT) || row.state().equals(DeliveryRepository.BOUNCED))) {
                run.alreadySent.incrementAndGet();
            } else {
                run.inProgress.incrementAndGet();
            }
        }
        for (Future<?> f : mine) {
            awaitDelivery(run, f);
        }
    }

    private static void awaitDelivery(Run run, Future<?> f) {
        while (true) {
            try {
                f.get();
                return;
            } catch (InterruptedException e) {
                // Asked to stop: let messages in flight finish (interrupting the mailer mid-message would
                // leave rows SENDING, i.e. uncertain), start no new ones.
                run.interrupted.set(true);
                run.stopping.set(true);
            } catch (ExecutionException e) {
                run.stopping.set(true);
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("sending a digest failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private void deliver(Run run, Subscription s) {
        if (run.stopping.get()) {
            return;
        }
        try {
            deliverOrRetry(run, s);
        } catch (RuntimeException | Error e) {
            // A bug or a dying JVM: start nothing more (the queued work of this run is skipped, its claims expire).
            run.stopping.set(true);
            throw e;
        }
    }

    private void deliverOrRetry(Run run, Subscription s) {
        String email = s.email().value();
        MailMessage message = messages.digest(run.edition.viewFor(s.email(), s.topics(), tokens), s.email());
        for (int attempt = 1; ; attempt++) {
            if (!deliveries.startSending(email, run.key, run.id, clock.millis())) {
                run.inProgress.incrementAndGet(); // taken over after a long stall, or unsubscribed meanwhile
                return;
            }
            try {
                mailer.send(message);
                deliveries.finish(email, run.key, run.id, DeliveryRepository.SENT, clock.millis(), null);
                run.sent.incrementAndGet();
                run.failuresInARow.set(0);
                return;
            } catch (MailException e) {
                if (e.permanent()) {
                    log.warn("Digest {} to {} rejected permanently, no more mail to it: {}", run.key, email, e.getMessage());
                    deliveries.finish(email, run.key, run.id, DeliveryRepository.BOUNCED, clock.millis(), e.getMessage());
                    subscriptions.bounced(s.email(), e.getMessage());
                    run.bounced.incrementAndGet();
                    return;
                }
                if (attempt >= run.options.maxAttempts()) {
                    log.warn("Digest {} to {} failed {} times, the next run retries: {}", run.key, email, attempt, e.getMessage());
                    deliveries.finish(email, run.key, run.id, DeliveryRepository.FAILED, clock.millis(), e.getMessage());
                    run.failed.incrementAndGet();
                    if (run.failuresInARow.incrementAndGet() >= GIVE_UP_AFTER && !run.stopping.getAndSet(true)) {
                        log.error("Digest {}: {} messages in a row failed, giving up this run; the next run resumes. Last error: {}",
                                run.key, GIVE_UP_AFTER, e.getMessage());
                    }
                    return;
                }
                deliveries.finish(email, run.key, run.id, DeliveryRepository.CLAIMED, clock.millis(), e.getMessage());
                if (!backOff(run, attempt)) {
                    return; // stopping: the row is CLAIMED, released at the end of the run
                }
            }
        }
    }

    private static boolean backOff(Run run, int attempt) {
        long wait = run.options.firstBackoff().toMillis() << (attempt - 1);
        try {
            Thread.sleep(wait);
            return !run.stopping.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One run's identity, options and counters. */
    private static final class Run {
        final String id;
        final String key;
        final DigestEdition edition;
        final SendOptions options;
        final AtomicBoolean stopping = new AtomicBoolean();
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicInteger failuresInARow = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger alreadySent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger bounced = new AtomicInteger();
        final AtomicInteger inProgress = new AtomicInteger();

        Run(String id, String key, DigestEdition edition, SendOptions options) {
            this.id = id;
            this.key = key;
            this.edition = edition;
            this.options = options;
        }
    }
}
