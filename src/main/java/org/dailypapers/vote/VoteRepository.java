package org.dailypapers.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of upvotes. A vote is a row of {@code upvote} (primary key: person, paper) and, in the same
 * transaction, one step of {@code feed_entry.local_upvotes}, so the count always equals the rows.
 *
 * <p>Each transaction writes first: on SQLite a deferred transaction that reads first and writes later
 * fails with SQLITE_BUSY when another writer went in between, whereas a first write waits its turn
 * (busy timeout). On PostgreSQL the row lock on the feed entry serialises votes on one paper, and the
 * primary key refuses a second vote by one person even when two arrive at once.
 */
final class VoteRepository {
    private final Database database;

    VoteRepository(Database database) {
        this.database = database;
    }

    /** Adds the vote unless present; the shown count afterwards, or empty when the paper is not on the feed. */
    Optional<Integer> add(String accountId, String arxivId, Instant now) {
        return database.jdbi().inTransaction(h -> {
            int stepped = h.createUpdate("UPDATE feed_entry SET local_upvotes = local_upvotes + 1"
                            + " WHERE arxiv_id = :id AND hidden = 0"
                            + " AND NOT EXISTS (SELECT 1 FROM upvote WHERE account_id = :account AND arxiv_id = :id)")
                    .bind("id", arxivId).bind("account", accountId).execute();
            if (stepped == 1) {
                h.createUpdate("INSERT INTO upvote (account_id, arxiv_id, created_at) VALUES (:account, :id, :now)")
                        .bind("account", accountId).bind("id", arxivId).bind("now", now.toEpochMilli()).execute();
            }
            return shown(h, arxivId);
        });
    }

    /** Removes the vote if present; the shown count afterwards, or empty when the paper is not on the feed. */
    Optional<Integer> remove(String accountId, String arxivId) {
        return database.jdbi().inTransaction(h -> {
            int deleted = h.createUpdate("DELETE FROM upvote WHERE account_id = :account AND arxiv_id = :id")
                    .bind("account", accountId).bind("id", arxivId).execute();
            if (deleted == 1) {
                h.createUpdate("UPDATE feed_entry SET local_upvotes = local_upvotes - 1 WHERE arxiv_id = :id")
                        .bind("id", arxivId).execute();
            }
            return shown(h, arxivId);
        });
    }

    private static Optional<Integer> shown(Handle h, String arxivId) {
        return h.createQuery("SELECT upvotes + local_upvotes FROM feed_entry WHERE arxiv_id = :id AND hidden = 0")
                .bind("id", arxivId).mapTo(Integer.class).findOne();
    }

    /** The papers this person upvoted, most recent vote first; at most {@code limit}. */
    List<String> votedBy(String accountId, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT arxiv_id FROM upvote WHERE account_id = :account ORDER BY created_at DESC, arxiv_id LIMIT :limit")
                .bind("account", accountId).bind("limit", limit).mapTo(String.class).list());
    }

    /** When each local vote on these papers was cast. */
    Map<String, List<Instant>> voteTimes(Set<String> arxivIds) {
        Map<String, List<Instant>> times = new HashMap<>();
        List<String> ids = List.copyOf(arxivIds);
        database.jdbi().useHandle(h -> {
            for (int i = 0; i < ids.size(); i += 500) {
                h.createQuery("SELECT arxiv_id, created_at FROM upvote WHERE arxiv_id IN (<ids>)")
                        .bindList("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                        .map((rs, ctx) -> Map.entry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        .forEach(e -> times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            }
        });
        return times;
    }

    /** The local vote count of a paper, from the rows themselves (for checks). */
    int countRows(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM upvote WHERE arxiv_id = :id")
                .bind("id", arxivId).mapTo(Integer.class).one());
    }
}
