package org.dailypapers.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a scheduled job (the daily harvest, a digest run) run once per scheduled time however many server nodes
 * share the database. The first node to claim a (job, slot) row runs it and keeps a heartbeat on it; the others
 * wait, and take the run over when it is neither finished nor kept alive for {@code ttl} (its node was killed).
 * On one node every claim succeeds at once, so nothing changes there. Thread-safe.
 */
public final class RunClaims implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunClaims.class);

    /** How long a run may go without a heartbeat before another node takes it over. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

    private final Database database;
    private final String node;
    private final Clock clock;
    private final Duration ttl;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-claims-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** {@code node} names this process in the claims (unique per process: a random id). */
    public RunClaims(Database database, String node, Clock clock, Duration ttl) {
        this.database = database;
        this.node = node;
        this.clock = clock;
        this.ttl = ttl;
    }

    public String node() {
        return node;
    }

    /**
     * True when this node should run (job, slot) now: nobody claimed it, or this node holds it, or its holder
     * stopped beating for {@code ttl} before finishing. Marks the claim as this node's.
     */
    public boolean claim(String job, String slot) {
        long now = clock.millis();
        return database.jdbi().inTransaction(h -> {
            int inserted = h.createUpdate("INSERT INTO scheduled_run (job, slot, holder, heartbeat_at) VALUES (:job, :slot, :node, :now)"
                            + " ON CONFLICT (job, slot) DO NOTHING")
                    .bind("job", job).bind("slot", slot).bind("node", node).bind("now", now).execute();
            if (inserted == 1) {
                return true;
            }
            return h.createUpdate("UPDATE scheduled_run SET holder = :node, heartbeat_at = :now WHERE job = :job AND slot = :slot"
                            + " AND finished_at IS NULL AND (holder = :node OR heartbeat_at < :stale)")
                    .bind("job", job).bind("slot", slot).bind("node", node).bind("now", now)
                    .bind("stale", now - ttl.toMillis()).execute() == 1;
        });
    }

    /** Whether some node finished (job, slot). */
    public boolean finished(String job, String slot) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM scheduled_run WHERE job = :job AND slot = :slot AND finished_at IS NOT NULL")
                .bind("job", job).bind("slot", slot).mapTo(Integer.class).one() > 0);
    }

    /**
     * Runs {@code work} for (job, slot) unless another node runs or ran it: while another node holds the claim
     * and keeps it alive, this waits (checking every quarter of {@code ttl}) and returns false once that run
     * finished; when the holder goes silent, this node takes over and runs it. Returns true when this node ran
     * it; false also when {@code stopped} says so while waiting.
     */
    public boolean runOnce(String job, String slot, Runnable work, BooleanSupplier stopped) {
        boolean announced = false;
        while (!claim(job, slot)) {
            if (finished(job, slot) || stopped.getAsBoolean()) {
                return false;
            }
            if (!announced) {
                log.info("The {} run due at {} is running on another node: it is taken over if that node stops", job, slot);
                announced = true;
            }
            try {
                Thread.sleep(Math.max(50, ttl.toMillis() / 4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (announced) {
            log.warn("The node running the {} run due at {} stopped: this node takes it over", job, slot);
        }
        long beat = Math.max(20, ttl.toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(job, slot), beat, beat, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            // A run that failed counts as done too: the job's own catch-up retries it at its next time, rather
            // than every node in turn repeating a failure (a source that cannot be reached).
            heartbeat.cancel(false);
            database.jdbi().useHandle(h -> h.createUpdate(
                            "UPDATE scheduled_run SET finished_at = :now WHERE job = :job AND slot = :slot AND holder = :node")
                    .bind("job", job).bind("slot", slot).bind("node", node).bind("now", clock.millis()).execute());
        }
        return true;
    }

    private void beat(String job, String slot) {
        try {
            database.jdbi().useHandle(h -> h.createUpdate(
                            "UPDATE scheduled_run SET heartbeat_at = :now WHERE job = :job AND slot = :slot AND holder = :node")
                    .bind("job", job).bind("slot", slot).bind("node", node).bind("now", clock.millis()).execute());
        } catch (RuntimeException e) {
            // One missed beat is harmless (the ttl spans three); the next one retries.
            log.warn("Could not renew the claim on the {} run due at {}: {}", job, slot, e.toString());
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
