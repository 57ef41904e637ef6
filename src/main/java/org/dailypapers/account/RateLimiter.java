package org.dailypapers.account;

import java.time.Clock;
import java.time.Duration;
import org.dailypapers.store.Database;

/**
 * At most {@code limit} events per key within a sliding window, counted in the database so that a limit holds
 * whichever server node a request reaches (several nodes may share one PostgreSQL database) and survives a
 * restart. Keys (addresses, clients) are stored only as SHA-256 hashes. Used by sign-in and by digest
 * subscriptions, which are rare enough for a write per request. Thread-safe.
 *
 * <p>Counting and recording happen in one transaction that holds a lock on the key: SQLite's transactions take
 * the write lock when they begin ({@link Database}); on PostgreSQL a transaction-scoped advisory lock on the key's
 * hash makes two nodes asking at once queue, so neither sees the other's event missing.
 */
public final class RateLimiter {
    private final Database database;
    private final String bucket;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    /** {@code bucket} names the limit (at most 40 characters), so that two limits never count each other's events. */
    public RateLimiter(Database database, String bucket, int limit, Duration window, Clock clock) {
        this.database = database;
        this.bucket = bucket;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records an event for {@code key} and returns true, or returns false (recording nothing) when over the limit. */
    public boolean tryAcquire(String key) {
        String keyHash = Tokens.hash(bucket + "\n" + key);
        long now = clock.millis();
        long oldest = now - window.toMillis();
        boolean postgres = !database.config().isSqlite();
        return database.jdbi().inTransaction(h -> {
            if (postgres) {
                h.createQuery("SELECT pg_advisory_xact_lock(hashtext(:k))").bind("k", keyHash).mapTo(String.class).one();
            }
            // Events that left the window are deleted as the key is used: the table holds at most `limit` rows a key.
            h.createUpdate("DELETE FROM rate_event WHERE bucket = :b AND key_hash = :k AND at <= :oldest")
                    .bind("b", bucket).bind("k", keyHash).bind("oldest", oldest).execute();
            int recent = h.createQuery("SELECT COUNT(*) FROM rate_event WHERE bucket = :b AND key_hash = :k")
                    .bind("b", bucket).bind("k", keyHash).mapTo(Integer.class).one();
            if (recent >= limit) {
                return false;
            }
            h.createUpdate("INSERT INTO rate_event (bucket, key_hash, at) VALUES (:b, :k, :at)")
                    .bind("b", bucket).bind("k", keyHash).bind("at", now).execute();
            return true;
        });
    }
}
