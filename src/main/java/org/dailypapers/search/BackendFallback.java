package org.dailypapers.search;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether searches go to the {@link SearchBackend} now or to this node's own index: after the backend failed
 * ({@link SearchBackend.Unavailable}) searches answer locally, and the backend is tried again after a short back-off
 * (1 s doubling to 30 s while it keeps failing), by one request at a time, so no request waits for a backend that is
 * down. One WARN when an outage begins and one INFO when it ends, not one per request. Thread-safe.
 */
public final class BackendFallback {
    private static final Logger log = LoggerFactory.getLogger(BackendFallback.class);
    static final long FIRST_BACKOFF_MS = 1_000;
    static final long MAX_BACKOFF_MS = 30_000;
    /** How long one request's try of a backend that was down holds back the others (its timeouts bound it). */
    private static final long PROBE_MS = 10_000;

    private final LongSupplier clock;
    /** When the backend may be tried again; 0 while it answers. */
    private final AtomicLong retryAt = new AtomicLong();
    private volatile long backoff = FIRST_BACKOFF_MS;
    private volatile String reason;

    public BackendFallback(LongSupplier millis) {
        this.clock = millis;
    }

    /** Whether this request should ask the backend: it answers, or its back-off ended and nobody else is trying it. */
    public boolean tryBackend() {
        long at = retryAt.get();
        if (at == 0) {
            return true;
        }
        long now = clock.getAsLong();
        return now >= at && retryAt.compareAndSet(at, now + PROBE_MS);
    }

    /** The backend answered. */
    public void succeeded() {
        if (reason == null && retryAt.get() == 0) {
            return; // the usual case: no lock, no write
        }
        recovered();
    }

    /** Under the same lock as {@link #failed}: a late success and a failure never leave half of each. */
    private synchronized void recovered() {
        if (retryAt.getAndSet(0) != 0) {
            log.info("The search backend answers again: searches run on it");
        }
        backoff = FIRST_BACKOFF_MS;
        reason = null;
    }

    /** The backend could not answer: searches answer locally until its back-off ends. */
    public synchronized void failed(SearchBackend.Unavailable e) {
        boolean wasUp = reason == null;
        long wait = wasUp ? FIRST_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, backoff * 2);
        backoff = wait;
        reason = e.getMessage();
        retryAt.set(clock.getAsLong() + wait);
        if (wasUp) {
            log.warn("The search backend cannot answer ({}): searches and similar papers answer from this node's "
                    + "own index, and it is tried again every {}-{} s", e.getMessage(), FIRST_BACKOFF_MS / 1000,
                    MAX_BACKOFF_MS / 1000);
        } else {
            log.debug("The search backend is still down: {}", e.getMessage());
        }
    }

    /** Whether searches answer locally now because the backend failed. */
    public boolean degraded() {
        return reason != null;
    }

    /** Why the backend last failed, while {@link #degraded()}. */
    public String reason() {
        return reason;
    }
}
