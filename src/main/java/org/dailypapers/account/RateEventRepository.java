package org.dailypapers.account;

import org.dailypapers.store.Database;

/**
 * The {@code rate_event} table behind {@link RateLimiter}: count-and-record in one transaction that holds a
 * lock on the key. SQLite's transactions take the write lock when they begin ({@link Database}); on PostgreSQL
 * a transaction-scoped advisory lock on the key's hash makes two nodes asking at once queue, so neither misses
 * the other's event.
 */
final class RateEventRepository {
    private final Database database;

    RateEventRepository(Database database) {
        this.database = database;
    }

    /** Events for the key newer than {@code oldest}. */
    int countSince(String bucket, String keyHash, long oldest) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM rate_event WHERE bucket = :b AND key_hash = :k AND at > :oldest")
                .bind("b", bucket).bind("k", keyHash).bind("oldest", oldest).mapTo(Integer.class).one());
    }

    /** Records an event at {@code now} unless {@code limit} events newer than {@code oldest} exist; true when recorded. */
    boolean recordIfUnder(String bucket, String keyHash, int limit, long oldest, long now) {
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
