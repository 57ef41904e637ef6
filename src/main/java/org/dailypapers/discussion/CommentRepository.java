package org.dailypapers.discussion;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the discussion. Every count (a paper's {@code feed_entry.local_comments}, a comment's
 * {@code upvotes}) changes in the same transaction as the rows it counts, so it always equals them.
 *
 * <p>As in the vote repository, each transaction writes first: on SQLite a first write waits its turn where a
 * read-then-write transaction would fail with SQLITE_BUSY; on PostgreSQL the first write's row lock serialises
 * what must not interleave (one person's posts, for the rate limit; one comment's upvotes).
 */
final class CommentRepository {
    /** A stored comment with its author's names (null after the account was erased). */
    record Row(String id, String arxivId, String parentId, String accountId, String handle, String displayName, String body,
            Instant createdAt, Instant editedAt, Instant deletedAt, boolean hidden, int upvotes) {
        boolean live() {
            return deletedAt == null && !hidden;
        }
    }

    /** Someone to tell of a reply: their address and the token of their one-click off link. */
    record Recipient(String accountId, String email, String offToken) {}

    private static final String SELECT = """
            SELECT c.id, c.arxiv_id, c.parent_id, c.account_id, a.handle, a.display_name, c.body, c.created_at,
                   c.edited_at, c.deleted_at, c.hidden, c.upvotes
            FROM paper_comment c LEFT JOIN account a ON a.id = c.account_id
            """;

    private final Database database;

    CommentRepository(Database database) {
        this.database = database;
    }

    <T> T inTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        return database.jdbi().inTransaction(work);
    }

    /**
     * Takes the person's row (creating it with {@code newToken}), which serialises their posts, and answers how
     * many comments they made since {@code since} and the oldest of those.
     */
    static Window lockPoster(Handle h, String accountId, String newToken, Instant now, Instant since) {
        h.createUpdate("INSERT INTO discussion_person (account_id, reply_mail, mail_off_token, last_posted_at)"
                        + " VALUES (:a, 0, :t, :now) ON CONFLICT (account_id) DO UPDATE SET last_posted_at = excluded.last_posted_at")
                .bind("a", accountId).bind("t", newToken).bind("now", now.toEpochMilli()).execute();
        return h.createQuery("SELECT COUNT(*), MIN(created_at) FROM paper_comment WHERE account_id = :a AND created_at > :since")
                .bind("a", accountId).bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new Window(rs.getInt(1), rs.getObject(2) == null ? null : Instant.ofEpochMilli(rs.getLong(2))))
                .one();
    }

    record Window(int count, Instant oldest) {}

    /** Counts one more live comment on the paper; false when the paper is not on the feed (or hidden). */
    static boolean countOn(Handle h, String arxivId, int delta, boolean onlyVisible) {
        return h.createUpdate("UPDATE feed_entry SET local_comments = local_comments + :d WHERE arxiv_id = :id"
                        + (onlyVisible ? " AND hidden = 0" : ""))
                .bind("d", delta).bind("id", arxivId).execute() == 1;
    }

    static void insert(Handle h, String id, String arxivId, String parentId, String accountId, String body, Instant now) {
        h.createUpdate("INSERT INTO paper_comment (id, arxiv_id, parent_id, account_id, body, created_at, hidden, upvotes)"
                        + " VALUES (:id, :paper, :parent, :a, :body, :now, 0, 0)")
                .bind("id", id).bind("paper", arxivId).bind("parent", parentId).bind("a", accountId).bind("body", body)
                .bind("now", now.toEpochMilli()).execute();
    }

    static Optional<Row> find(Handle h, String id) {
        return h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map(CommentRepository::row).findOne();
    }

    Optional<Row> find(String id) {
        return database.jdbi().withHandle(h -> find(h, id));
    }

    /** Sets the text of a live comment of this person made after {@code notBefore}; false when no such comment. */
    static boolean edit(Handle h, String id, String accountId, String body, Instant now, Instant notBefore) {
        return h.createUpdate("UPDATE paper_comment SET body = :body, edited_at = :now WHERE id = :id AND account_id = :a"
                        + " AND deleted_at IS NULL AND hidden = 0 AND created_at > :notBefore")
                .bind("body", body).bind("now", now.toEpochMilli()).bind("id", id).bind("a", accountId)
                .bind("notBefore", notBefore.toEpochMilli()).execute() == 1;
    }

    /** Removes the text of this person's comment; false when it is not theirs or already deleted. */
    static boolean delete(Handle h, String id, String accountId, Instant now) {
        return h.createUpdate("UPDATE paper_comment SET body = NULL, deleted_at = :now WHERE id = :id AND account_id = :a"
                        + " AND deleted_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id).bind("a", accountId).execute() == 1;
    }

    /** Hides or shows a comment that is not deleted; false when it already was so (or is deleted or unknown). */
    static boolean setHidden(Handle h, String id, boolean hidden) {
        return h.createUpdate("UPDATE paper_comment SET hidden = :h WHERE id = :id AND hidden <> :h AND deleted_at IS NULL")
                .bind("h", hidden ? 1 : 0).bind("id", id).execute() == 1;
    }

    /** Adds the person's upvote unless present; the comment's count afterwards, empty when it is deleted or hidden. */
    Optional<Integer> upvote(String id, String accountId, Instant now) {
        return database.jdbi().inTransaction(h -> {
            int stepped = h.createUpdate("UPDATE paper_comment SET upvotes = upvotes + 1 WHERE id = :id AND deleted_at IS NULL"
                            + " AND hidden = 0 AND NOT EXISTS (SELECT 1 FROM comment_upvote WHERE comment_id = :id AND account_id = :a)")
                    .bind("id", id).bind("a", accountId).execute();
            if (stepped == 1) {
                h.createUpdate("INSERT INTO comment_upvote (comment_id, account_id, created_at) VALUES (:id, :a, :now)")
                        .bind("id", id).bind("a", accountId).bind("now", now.toEpochMilli()).execute();
            }
            return upvotes(h, id);
        });
    }

    /** Removes the person's upvote if present; the comment's count afterwards, empty when it is deleted or hidden. */
    Optional<Integer> unvote(String id, String accountId) {
        return database.jdbi().inTransaction(h -> {
            int deleted = h.createUpdate("DELETE FROM comment_upvote WHERE comment_id = :id AND account_id = :a")
                    .bind("id", id).bind("a", accountId).execute();
            if (deleted == 1) {
                h.createUpdate("UPDATE paper_comment SET upvotes = upvotes - 1 WHERE id = :id").bind("id", id).execute();
            }
            return upvotes(h, id);
        });
    }

    private static Optional<Integer> upvotes(Handle h, String id) {
        return h.createQuery("SELECT upvotes FROM paper_comment WHERE id = :id AND deleted_at IS NULL AND hidden = 0")
                .bind("id", id).mapTo(Integer.class).findOne();
    }

    /** Every comment on the paper, oldest first. */
    List<Row> onPaper(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE c.arxiv_id = :id ORDER BY c.created_at, c.id")
                .bind("id", arxivId).map(CommentRepository::row).list());
    }

    /** Every comment this person made, oldest first. */
    List<Row> byPerson(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE c.account_id = :a ORDER BY c.created_at, c.id")
                .bind("a", accountId).map(CommentRepository::row).list());
    }

    /** Which of the paper's comments this person upvoted. */
    Set<String> upvotedOn(String arxivId, String accountId) {
        return database.jdbi().withHandle(h -> new HashSet<>(h.createQuery("SELECT u.comment_id FROM comment_upvote u"
                        + " JOIN paper_comment c ON c.id = u.comment_id WHERE c.arxiv_id = :paper AND u.account_id = :a")
                .bind("paper", arxivId).bind("a", accountId).mapTo(String.class).list()));
    }

    List<String> upvotedBy(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT comment_id FROM comment_upvote WHERE account_id = :a ORDER BY created_at, comment_id")
                .bind("a", accountId).mapTo(String.class).list());
    }

    /** The rows of live comments on the paper (what {@code local_comments} must equal; for checks). */
    int liveRows(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM paper_comment WHERE arxiv_id = :id AND deleted_at IS NULL AND hidden = 0")
                .bind("id", arxivId).mapTo(Integer.class).one());
    }

    int localCount(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT local_comments FROM feed_entry WHERE arxiv_id = :id")
                .bind("id", arxivId).mapTo(Integer.class).findOne().orElse(0));
    }

    // --- reply mail ---

    Optional<String> title(String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT title FROM paper WHERE arxiv_id = :id")
                .bind("id", arxivId).mapTo(String.class).findOne());
    }

    boolean replyMail(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT reply_mail FROM discussion_person WHERE account_id = :a")
                .bind("a", accountId).mapTo(Integer.class).findOne().orElse(0) == 1);
    }

    void setReplyMail(String accountId, boolean on, String newToken) {
        database.jdbi().useTransaction(h -> h.createUpdate("INSERT INTO discussion_person (account_id, reply_mail, mail_off_token)"
                        + " VALUES (:a, :on, :t) ON CONFLICT (account_id) DO UPDATE SET reply_mail = excluded.reply_mail")
                .bind("a", accountId).bind("on", on ? 1 : 0).bind("t", newToken).execute());
    }

    /** Turns reply mail off for the holder of this token; false when the token is unknown. */
    boolean mailOff(String token) {
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE discussion_person SET reply_mail = 0 WHERE mail_off_token = :t")
                .bind("t", token).execute() == 1);
    }

    /**
     * Who wants a mail about a reply in the thread of {@code topId}: those who commented in it and the paper's
     * submitter here, with reply mail on, except the replier.
     */
    List<Recipient> recipients(String topId, String arxivId, String replierId) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT a.id, a.email, p.mail_off_token FROM account a JOIN discussion_person p ON p.account_id = a.id
                        WHERE p.reply_mail = 1 AND a.id <> :replier AND a.id IN (
                            SELECT account_id FROM paper_comment WHERE (id = :top OR parent_id = :top) AND account_id IS NOT NULL
                            UNION SELECT account_id FROM submission WHERE arxiv_id = :paper AND removed_at IS NULL)
                        ORDER BY a.id""")
                .bind("replier", replierId).bind("top", topId).bind("paper", arxivId)
                .map((rs, ctx) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Claims the one mail about this reply to this person; false when it was claimed before. */
    boolean claimMail(String commentId, String accountId, Instant now) {
        return database.jdbi().withHandle(h -> h.createUpdate("INSERT INTO reply_mail_delivery (comment_id, account_id, state, claimed_at)"
                        + " VALUES (:c, :a, 'claimed', :now) ON CONFLICT (comment_id, account_id) DO NOTHING")
                .bind("c", commentId).bind("a", accountId).bind("now", now.toEpochMilli()).execute() == 1);
    }

    void markMail(String commentId, String accountId, String state) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE reply_mail_delivery SET state = :s WHERE comment_id = :c AND account_id = :a")
                .bind("s", state).bind("c", commentId).bind("a", accountId).execute());
    }

    // --- erasing a person ---

    /**
     * Their comments become deleted (text and author removed, replies kept), their comment upvotes go; every
     * count drops by exactly what it counted of theirs.
     */
    static void erase(Handle h, String accountId, Instant now) {
        h.createQuery("SELECT arxiv_id, COUNT(*) FROM paper_comment WHERE account_id = :a AND deleted_at IS NULL AND hidden = 0"
                        + " GROUP BY arxiv_id")
                .bind("a", accountId).map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> countOn(h, e.getKey(), -e.getValue(), false));
        h.createUpdate("UPDATE paper_comment SET body = NULL, deleted_at = COALESCE(deleted_at, :now), account_id = NULL"
                        + " WHERE account_id = :a")
                .bind("now", now.toEpochMilli()).bind("a", accountId).execute();
        h.createUpdate("UPDATE paper_comment SET upvotes = upvotes - 1"
                        + " WHERE id IN (SELECT comment_id FROM comment_upvote WHERE account_id = :a)")
                .bind("a", accountId).execute();
        h.createUpdate("DELETE FROM comment_upvote WHERE account_id = :a").bind("a", accountId).execute();
        h.createUpdate("DELETE FROM reply_mail_delivery WHERE account_id = :a").bind("a", accountId).execute();
        h.createUpdate("DELETE FROM discussion_person WHERE account_id = :a").bind("a", accountId).execute();
    }

    private static Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("arxiv_id"), rs.getString("parent_id"), rs.getString("account_id"),
                rs.getString("handle"), rs.getString("display_name"), rs.getString("body"),
                Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "edited_at"), instant(rs, "deleted_at"),
                rs.getInt("hidden") == 1, rs.getInt("upvotes"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
