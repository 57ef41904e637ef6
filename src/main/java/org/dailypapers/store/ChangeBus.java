package org.dailypapers.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the other server nodes sharing the database what this node changed, so that they drop cached pages and
 * index changed papers at once instead of when their caches expire. On PostgreSQL it is LISTEN/NOTIFY
 * ({@link PostgresChangeBus}); on SQLite, where one node serves, it does nothing. A node never receives its own
 * changes. Thread-safe.
 */
public interface ChangeBus extends AutoCloseable {
    /** What changed. */
    enum Kind {
        /** Feed entries, votes or curation: cached feed pages are stale. */
        FEED,
        /** These papers were added or changed ({@link Change#ids()}): index them and drop cached pages. */
        PAPERS,
        /** Vectors were stored for other nodes to take (see {@code SharedVectors}). */
        VECTORS,
        /** Notices may have been missed (the connection was lost): assume everything changed. */
        EVERYTHING
    }

    /** A change; {@code ids} are arXiv ids for {@link Kind#PAPERS}, empty otherwise. */
    record Change(Kind kind, List<String> ids) {
        public Change {
            ids = List.copyOf(ids);
        }

        public static Change feed() {
            return new Change(Kind.FEED, List.of());
        }
    }

    /** Tells the other nodes; returns at once and never throws (a lost notice only delays a page by its cache's expiry). */
    void publish(Change change);

    @Override
    void close();

    /** The bus for {@code database}: LISTEN/NOTIFY on PostgreSQL, delivering to {@code receiver}; nothing on SQLite. */
    static ChangeBus open(Database database, Consumer<Change> receiver) {
        if (database.config().isSqlite()) {
            return new ChangeBus() {
                @Override
                public void publish(Change change) {}

                @Override
                public void close() {}
            };
        }
        return PostgresChangeBus.start(database, receiver);
    }
}
