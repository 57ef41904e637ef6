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

    /** How many papers this person submitted since {@code since}. */
    int countSince(String accountId, Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM submission WHERE account_id = :account AND submitted_at >= :since")
                .bind("account", accountId).bind("since", since.toEpochMilli()).mapTo(Integer.class).one());
    }

    /** The feed day of this paper, when it is on the feed (hidden or not). */
    Optional<String> feedDay(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT feed_day FROM feed_entry WHERE arxiv_id = :id")
                .bind("id", arxivId).mapTo(String.class).findOne());
    }

    /**
     * Claims the paper for this person, atomically: false when someone claimed it before (the primary key
     * decides between two people submitting one paper at once). The paper row must exist.
     */
    boolean claim(String arxivId, String accountId, Instant now) {
        return database.jdbi().withHandle(h -> h.createUpdate(
                        "INSERT INTO submission (arxiv_id, account_id, submitted_at) VALUES (:id, :account, :now)"
                                + " ON CONFLICT (arxiv_id) DO NOTHING")
                .bind("id", arxivId).bind("account", accountId).bind("now", now.toEpochMilli()).execute()) == 1;
    }

    void release(String arxivId) {
        database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM submission WHERE arxiv_id = :id").bind("id", arxivId).execute());
    }

    Optional<String> submitter(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT account_id FROM submission WHERE arxiv_id = :id")
                .bind("id", arxivId).mapTo(String.class).findOne());
    }

    /** The papers this person submitted, newest first. */
    List<String> submittedBy(String accountId, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT arxiv_id FROM submission WHERE account_id = :account ORDER BY submitted_at DESC, arxiv_id LIMIT :limit")
                .bind("account", accountId).bind("limit", limit).mapTo(String.class).list());
    }
}
