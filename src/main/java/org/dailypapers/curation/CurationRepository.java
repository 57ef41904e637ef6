package org.dailypapers.curation;

import java.time.Instant;
import java.util.List;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/** The SQL of curation: flags on feed entries, removal of submissions, the audit log. Thread-safe. */
final class CurationRepository {
    private final Database database;

    CurationRepository(Database database) {
        this.database = database;
    }

    /** Applies the action and logs it in one transaction; false (nothing logged) when there was nothing to act on. */
    boolean apply(Action action, String arxivId, String actor, String detail, String auditId, Instant now) {
        return database.jdbi().inTransaction(h -> {
            int changed = switch (action) {
                case HIDE -> flag(h, "hidden", 1, arxivId);
                case SHOW -> flag(h, "hidden", 0, arxivId);
                case FEATURE -> flag(h, "featured", 1, arxivId);
                case UNFEATURE -> flag(h, "featured", 0, arxivId);
                case REMOVE_SUBMISSION -> removeSubmission(h, arxivId, now);
                case ACCEPT_CLAIM, REJECT_CLAIM -> throw new IllegalArgumentException(action + " is decided through Claims");
                case HIDE_COMMENT, SHOW_COMMENT -> throw new IllegalArgumentException(action + " is the discussion's to apply");
            };
            if (changed == 0) {
                return false; // nothing was written
            }
            AuditLogRepository.insert(h, action, arxivId, actor, detail, auditId, now);
            return true;
        });
    }

    private static int flag(Handle h, String column, int value, String arxivId) {
        return h.createUpdate("UPDATE feed_entry SET " + column + " = :value WHERE arxiv_id = :id")
                .bind("value", value).bind("id", arxivId).execute();
    }

    /**
     * The feed entry goes, with the votes cast on it here; the submission row stays as a tombstone
     * ({@code removed_at}): the paper cannot be submitted again and the removal still counts toward the
     * submitter's daily limit.
     */
    private static int removeSubmission(Handle h, String arxivId, Instant now) {
        int submissions = h.createUpdate("UPDATE submission SET removed_at = :now WHERE arxiv_id = :id AND removed_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", arxivId).execute();
        if (submissions == 0) {
            return 0;
        }
        h.createUpdate("DELETE FROM upvote WHERE arxiv_id = :id").bind("id", arxivId).execute();
        h.createUpdate("DELETE FROM feed_entry WHERE arxiv_id = :id").bind("id", arxivId).execute();
        return submissions;
    }

    /** Flags of the paper's feed entry: {hidden, featured}; empty when not on the feed. */
    java.util.Optional<boolean[]> flags(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT hidden, featured FROM feed_entry WHERE arxiv_id = :id")
                .bind("id", arxivId).map((rs, ctx) -> new boolean[] {rs.getInt(1) == 1, rs.getInt(2) == 1}).findOne());
    }

    List<AuditEntry> log(int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT at, actor, action, arxiv_id, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                        Action.valueOf(rs.getString("action")), rs.getString("arxiv_id"), rs.getString("detail")))
                .list());
    }

    List<String> hidden(int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT arxiv_id FROM feed_entry WHERE hidden = 1 ORDER BY feed_day DESC, arxiv_id LIMIT :limit")
                .bind("limit", limit).mapTo(String.class).list());
    }
}
