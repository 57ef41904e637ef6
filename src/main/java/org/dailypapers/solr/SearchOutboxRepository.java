package org.dailypapers.solr;

import java.util.Collection;
import java.util.List;
import org.dailypapers.store.Database;

/** The SQL of the search outbox (table {@code search_outbox}, migration V13). */
final class SearchOutboxRepository {

    /** A pending write: the paper, which enqueue of it, and how often writing it failed. */
    record Pending(String paperId, long generation, int attempts) {}

    private final Database database;

    SearchOutboxRepository(Database database) {
        this.database = database;
    }

    /** Marks papers as to be written now; a paper already pending gets a new generation and is due at once. */
    void enqueue(Collection<String> paperIds, long now) {
        if (paperIds.isEmpty()) {
            return;
        }
        database.jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO search_outbox (paper_id, generation, attempts, next_attempt_at)
                    VALUES (:id, 0, 0, :now)
                    ON CONFLICT (paper_id) DO UPDATE SET generation = search_outbox.generation + 1, attempts = 0,
                        next_attempt_at = :now, last_error = NULL""");
            paperIds.forEach(id -> batch.bind("id", id).bind("now", now).add());
            batch.execute();
        });
    }

    /** Up to {@code limit} writes due at {@code now}, longest due first. */
    List<Pending> due(long now, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT paper_id, generation, attempts FROM search_outbox WHERE next_attempt_at <= :now
                        ORDER BY next_attempt_at, paper_id LIMIT :limit""")
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new Pending(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list());
    }

    /**
     * Takes up to {@code limit} writes due at {@code now} for this node: they are not due again (for any node)
     * until {@code claimedUntil}, unless enqueued again meanwhile. On PostgreSQL, nodes taking at the same time
     * skip each other's rows ({@code SKIP LOCKED}); SQLite has one writer at a time.
     */
    List<Pending> claim(long now, int limit, long claimedUntil) {
        String lock = database.config().isSqlite() ? "" : " FOR UPDATE SKIP LOCKED";
        String sql = "UPDATE search_outbox SET next_attempt_at = :until WHERE paper_id IN ("
                + " SELECT paper_id FROM search_outbox WHERE next_attempt_at <= :now"
                + " ORDER BY next_attempt_at, paper_id LIMIT :limit" + lock + ")"
                + " AND next_attempt_at <= :now RETURNING paper_id, generation, attempts";
        return database.jdbi().inTransaction(h -> h.createQuery(sql)
                .bind("now", now).bind("limit", limit).bind("until", claimedUntil)
                .map((rs, ctx) -> new Pending(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list());
    }

    /** Removes written entries, unless a paper was enqueued again since (a newer generation). */
    void done(List<Pending> written) {
        database.jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("DELETE FROM search_outbox WHERE paper_id = :id AND generation = :g");
            written.forEach(p -> batch.bind("id", p.paperId()).bind("g", p.generation()).add());
            batch.execute();
        });
    }

    /** Records a failed attempt; the entries are due again at {@code retryAt}. */
    void failed(List<Pending> entries, long retryAt, String error) {
        String message = error.length() > 1000 ? error.substring(0, 1000) : error;
        database.jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("""
                    UPDATE search_outbox SET attempts = attempts + 1, next_attempt_at = :at, last_error = :error
                    WHERE paper_id = :id AND generation = :g""");
            entries.forEach(p -> batch.bind("at", retryAt).bind("error", message).bind("id", p.paperId())
                    .bind("g", p.generation()).add());
            batch.execute();
        });
    }

    long pending() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM search_outbox").mapTo(Long.class).one());
    }

    /** The last error of a pending paper, if its last attempt failed. */
    java.util.Optional<String> lastError(String paperId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM search_outbox WHERE paper_id = :id")
                .bind("id", paperId).mapTo(String.class).findOne());
    }
}
