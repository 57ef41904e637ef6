package org.dailypapers.search;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The background encoder's backlog: how many papers still lack a vector, how fast they are being encoded
 * (papers per second over the last {@link #RATE_WINDOW}), and when the backlog ends at that rate. Also decides
 * whether semantic search is still warming up: while most papers have no vector, the dense side of a hybrid
 * search can only reorder the few that have one, so searches skip it (and its query encoding) and rank by BM25.
 * Counting is cheap but not free at millions of papers, so counts are kept for {@link #COUNT_TTL}.
 * Thread-safe.
 */
public final class EmbeddingBacklog {

    /** The share of papers with a vector from which hybrid search uses its dense side. */
    public static final double WARM_COVERAGE = 0.5;
    static final Duration RATE_WINDOW = Duration.ofMinutes(5);
    static final Duration COUNT_TTL = Duration.ofSeconds(1);

    private final IntSupplier indexed;
    private final IntSupplier withoutVector;
    private final LongSupplier nanoClock;
    private final ArrayDeque<long[]> progress = new ArrayDeque<>(); // {nanos, papers encoded so far}; guarded by this
    private long encoded; // guarded by this
    private volatile Counts counts;

    /**
     * @param indexed papers in the index
     * @param withoutVector papers in the index without a vector
     * @param nanoClock {@link System#nanoTime()} outside tests
     */
    public EmbeddingBacklog(IntSupplier indexed, IntSupplier withoutVector, LongSupplier nanoClock) {
        this.indexed = indexed;
        this.withoutVector = withoutVector;
        this.nanoClock = nanoClock;
    }

    /** Records that the encoder has just stored {@code papers} more vectors. */
    public synchronized void encoded(int papers) {
        long now = nanoClock.getAsLong();
        encoded += papers;
        progress.addLast(new long[] {now, encoded});
        while (progress.size() > 2 && now - progress.peekFirst()[0] > RATE_WINDOW.toNanos()) {
            progress.removeFirst();
        }
        counts = null; // the counts changed
    }

    /** Papers per second over the recent window; 0 before two batches were recorded or after a long pause. */
    public synchronized double rate() {
        if (progress.size() < 2 || nanoClock.getAsLong() - progress.peekLast()[0] > RATE_WINDOW.toNanos()) {
            return 0;
        }
        long[] first = progress.peekFirst();
        long[] last = progress.peekLast();
        return (last[1] - first[1]) * 1e9 / Math.max(1, last[0] - first[0]);
    }

    /** The state now: counts (at most {@link #COUNT_TTL} old), rate and estimated time to the end. */
    public Snapshot snapshot() {
        Counts c = counts();
        double rate = rate();
        Duration eta = c.withoutVector == 0 ? Duration.ZERO
                : rate > 0 ? Duration.ofSeconds((long) Math.ceil(c.withoutVector / rate)) : null;
        return new Snapshot(c.indexed, c.withoutVector, rate, eta);
    }

    /** Whether semantic search is still warming up: fewer than {@link #WARM_COVERAGE} of the papers have a vector. */
    public boolean warmingUp() {
        Counts c = counts();
        return c.indexed > 0 && c.indexed - c.withoutVector < WARM_COVERAGE * c.indexed;
    }

    private Counts counts() {
        Counts c = counts;
        long now = nanoClock.getAsLong();
        if (c == null || now - c.at > COUNT_TTL.toNanos()) {
            c = new Counts(indexed.getAsInt(), withoutVector.getAsInt(), now);
            counts = c;
        }
        return c;
    }

    private record Counts(int indexed, int withoutVector, long at) {}

    /**
     * @param papersPerSecond 0 when nothing was encoded lately
     * @param eta time left at this rate; zero when there is no backlog, null when it cannot be estimated
     */
    public record Snapshot(int indexed, int withoutVector, double papersPerSecond, Duration eta) {

        /** The share of papers that have a vector, 0..1 (1 for an empty index). */
        public double coverage() {
            return indexed == 0 ? 1 : (indexed - withoutVector) / (double) indexed;
        }

        /** "semantic search warming up: 12% of papers embedded", for the search page. */
        public String warmingUpNotice() {
            return String.format(Locale.ROOT, "Semantic search warming up: %d%% of papers embedded, so results are ranked "
                    + "by their words alone for now.", (int) Math.floor(coverage() * 100));
        }

        /** "about 3 h 20 min", "under a minute", or empty when it cannot be estimated. */
        public Optional<String> etaText() {
            if (eta == null) {
                return Optional.empty();
            }
            long minutes = eta.toMinutes();
            return Optional.of(minutes < 1 ? "under a minute" : minutes < 60 ? "about " + minutes + " min"
                    : "about " + minutes / 60 + " h " + minutes % 60 + " min");
        }
    }
}
