package org.dailypapers.web;

import java.util.function.LongSupplier;

/**
 * Whether the instance is ready to serve, and how far the first start's demo import has got. {@code serve}
 * opens its port at once and, until {@link #ready()}, every page is a "Loading the demo dataset" page that
 * refreshes itself, the API answers 503 with {@code Retry-After}, and {@code /health} says {@code starting}.
 * Thread-safe.
 */
public final class Startup {
    private volatile boolean ready;
    private volatile long total;
    private volatile LongSupplier done = () -> 0;

    private Startup(boolean ready) {
        this.ready = ready;
    }

    /** Ready from the start: nothing to load. */
    public static Startup alreadyReady() {
        return new Startup(true);
    }

    /** Starting: pages say so until {@link #ready()}. */
    public static Startup starting() {
        return new Startup(false);
    }

    /** The import under way: {@code total} papers to load, {@code done} how many are in so far. */
    public void loading(long total, LongSupplier done) {
        this.done = done;
        this.total = total;
    }

    /** From now on, every request is served normally. */
    public void ready() {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }

    /** Papers loaded so far (at most the total), 0 before loading began. */
    public long done() {
        return Math.min(done.getAsLong(), total);
    }

    /** Papers to load, 0 when not known yet. */
    public long total() {
        return total;
    }
}
