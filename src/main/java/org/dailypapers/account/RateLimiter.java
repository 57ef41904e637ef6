package org.dailypapers.account;

import java.time.Clock;
import java.time.Duration;
import org.dailypapers.store.Database;

/**
 * At most {@code limit} events per key within a sliding window, counted in the database so that a limit holds
 * whichever server node a request reaches (several nodes may share one PostgreSQL database) and survives a
 * restart. Keys (addresses, clients) are stored only as SHA-256 hashes. Used by sign-in and by digest
 * subscriptions, which are rare enough for a write per request. Thread-safe.
 * Counting and recording are one locked transaction ({@link RateEventRepository}).
 */
public final class RateLimiter {
    private final RateEventRepository events;
    private final String bucket;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    /** {@code bucket} names the limit (at most 40 characters), so that two limits never count each other's events. */
    public RateLimiter(Database database, String bucket, int limit, Duration window, Clock clock) {
        this.events = new RateEventRepository(database);
        this.bucket = bucket;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether {@code key} is under the limit now, recording nothing: a check before work that only failures count toward. */
    public boolean allows(String key) {
        return events.countSince(bucket, keyHash(key), clock.millis() - window.toMillis()) < limit;
    }

    /** Records an event for {@code key} and returns true, or returns false (recording nothing) when over the limit. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        return events.recordIfUnder(bucket, keyHash(key), limit, now - window.toMillis(), now);
    }

    /** What is stored for {@code key}: its SHA-256 with the bucket's name, so that equal keys of two limits differ. */
    private String keyHash(String key) {
        return Tokens.hash(bucket + "\n" + key);
    }
}
