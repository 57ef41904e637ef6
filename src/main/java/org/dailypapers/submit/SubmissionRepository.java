package org.dailypapers.submit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dailypapers.store.Database;

/** The SQL of submissions. Thread-safe. */
final class SubmissionRepository {
    private final Database database;

    SubmissionRepository(Database database) {
        this.database = database;
    }

    /** The feed day of this paper, when it is on the feed (hidden or not). */
    Optional<String> feedDay(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT feed_day FROM feed_entry WHERE arxiv_id = :id")
                .bind("id", arxivId).mapTo(String.class).findOne());
    }

    /** What {@link #claim} did. */
    enum Claim { CLAIMED, TAKEN, REMOVED, OVER_LIMIT }

    /**
     * Claims the paper for this person, atomically: TAKEN when someone claimed it before (the primary key
     * decides between two people submitting one paper at once), REMOVED when a curator removed an earlier
     * submission of it, OVER_LIMIT when the person already made {@code limit} submissions (removed ones
     * included) since {@code dayStart}. The count and the insert run in one transaction that first locks the
     * person's account row, so parallel submissions of one person cannot both pass the count.
     */
    Claim claim(String arxivId, String accountId, Instant now, Instant dayStart, int limit) {
        return database.jdbi().inTransaction(h -> {
            // A no-op write: the row lock on PostgreSQL (SQLite transactions are IMMEDIATE: one writer at a time).
            h.createUpdate("UPDATE account SET handle = handle WHERE id = :account").bind("account", accountId).execute();
            Optional<Long> removed = h.createQuery("SELECT COALESCE(removed_at, 0) FROM submission WHERE arxiv_id = :id")
                    .bind("id", arxivId).mapTo(Long.class).findOne();
            if (removed.isPresent()) {
                return removed.get() > 0 ? Claim.REMOVED : Claim.TAKEN;
            }
            int today = h.createQuery("SELECT COUNT(*) FROM submission WHERE account_id = :account AND submitted_at >= :since")
                    .bind("account", accountId).bind("since", dayStart.toEpochMilli()).mapTo(Integer.class).one();
            if (today >= limit) {
                return Claim.OVER_LIMIT;
            }
            return h.createUpdate("INSERT INTO submission (arxiv_id, account_id, submitted_at) VALUES (:id, :account, :now)"
                            + " ON CONFLICT (arxiv_id) DO NOTHING")
                    .bind("id", arxivId).bind("account", accountId).bind("now", now.toEpochMilli()).execute() == 1
                    ? Claim.CLAIMED : Claim.TAKEN;
        });
    }

    /** Gives up a claim whose paper could not be saved (never a curator's tombstone). */
    void release(String arxivId) {
        database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM submission WHERE arxiv_id = :id AND removed_at IS NULL")
                .bind("id", arxivId).execute());
    }

    Optional<String> submitter(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT account_id FROM submission WHERE arxiv_id = :id AND removed_at IS NULL")
                .bind("id", arxivId).mapTo(String.class).findOne());
    }

    /** The papers this person submitted, newest first. */
    List<String> submittedBy(String accountId, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT arxiv_id FROM submission WHERE account_id = :account AND removed_at IS NULL ORDER BY submitted_at DESC, arxiv_id LIMIT :limit")
                .bind("account", accountId).bind("limit", limit).mapTo(String.class).list());
    }
}
