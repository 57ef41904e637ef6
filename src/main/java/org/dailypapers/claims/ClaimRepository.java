package org.dailypapers.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/** The SQL of authorship claims. Thread-safe. */
final class ClaimRepository {
    private static final String CLAIM = "SELECT c.id, c.account_id, a.handle, c.arxiv_id, p.title, c.author_name, c.status, c.reason,"
            + " c.created_at, c.decided_at, c.decided_by FROM authorship_claim c"
            + " JOIN account a ON a.id = c.account_id JOIN paper p ON p.arxiv_id = c.arxiv_id";

    private final Database database;

    ClaimRepository(Database database) {
        this.database = database;
    }

    Optional<AuthorshipClaim> byId(String id) {
        return database.jdbi().withHandle(h -> h.createQuery(CLAIM + " WHERE c.id = :id").bind("id", id)
                .map(ClaimRepository::claim).findOne());
    }

    Optional<AuthorshipClaim> of(String accountId, String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery(CLAIM + " WHERE c.account_id = :account AND c.arxiv_id = :paper")
                .bind("account", accountId).bind("paper", arxivId).map(ClaimRepository::claim).findOne());
    }

    /** The person's claims, newest first. */
    List<AuthorshipClaim> byAccount(String accountId) {
        return database.jdbi().withHandle(h -> byAccount(h, accountId));
    }

    static List<AuthorshipClaim> byAccount(Handle h, String accountId) {
        return h.createQuery(CLAIM + " WHERE c.account_id = :account ORDER BY c.created_at DESC, c.id")
                .bind("account", accountId).map(ClaimRepository::claim).list();
    }

    /** Claims in this state: pending ones oldest first (a queue), decided ones newest decision first. */
    List<AuthorshipClaim> withStatus(ClaimStatus status, int limit) {
        String order = status == ClaimStatus.PENDING ? " ORDER BY c.created_at, c.id" : " ORDER BY c.decided_at DESC, c.id";
        return database.jdbi().withHandle(h -> h.createQuery(CLAIM + " WHERE c.status = :status" + order + " LIMIT :limit")
                .bind("status", status.column()).bind("limit", limit).map(ClaimRepository::claim).list());
    }

    List<AuthorshipClaim> accepted() {
        return database.jdbi().withHandle(h -> h.createQuery(CLAIM + " WHERE c.status = 'accepted'")
                .map(ClaimRepository::claim).list());
    }

    /** Who holds an accepted claim on this name of this paper, if anyone: their account id. */
    Optional<String> acceptedHolder(Handle h, String arxivId, String authorName) {
        return h.createQuery("SELECT account_id FROM authorship_claim WHERE arxiv_id = :paper AND author_name = :name AND status = 'accepted'")
                .bind("paper", arxivId).bind("name", authorName).mapTo(String.class).findOne();
    }

    /**
     * Saves a new claim in place of the person's rejected one on that paper, if any; false when the person
     * has a pending or accepted claim on it already. Pending or accepted as {@code status} says; an accepted one
     * only when nobody else holds the name (checked in the same transaction).
     */
    Outcome insert(String id, String accountId, String arxivId, String authorName, ClaimStatus status, Instant now, String decidedBy) {
        return orOnRace(Outcome.ALREADY_CLAIMED, () -> database.jdbi().inTransaction(h -> {
            // Writes first (SQLite transactions are IMMEDIATE; on PostgreSQL the unique indexes decide races).
            h.createUpdate("DELETE FROM authorship_claim WHERE account_id = :account AND arxiv_id = :paper AND status = 'rejected'")
                    .bind("account", accountId).bind("paper", arxivId).execute();
            if (h.createQuery("SELECT COUNT(*) FROM authorship_claim WHERE account_id = :account AND arxiv_id = :paper")
                    .bind("account", accountId).bind("paper", arxivId).mapTo(Integer.class).one() > 0) {
                return Outcome.ALREADY_CLAIMED;
            }
            if (acceptedHolder(h, arxivId, authorName).isPresent()) {
                return Outcome.NAME_TAKEN;
            }
            boolean decided = status != ClaimStatus.PENDING;
            h.createUpdate("INSERT INTO authorship_claim (id, account_id, arxiv_id, author_name, status, created_at, decided_at, decided_by)"
                            + " VALUES (:id, :account, :paper, :name, :status, :now, :decidedAt, :decidedBy)")
                    .bind("id", id).bind("account", accountId).bind("paper", arxivId).bind("name", authorName)
                    .bind("status", status.column()).bind("now", now.toEpochMilli())
                    .bind("decidedAt", decided ? now.toEpochMilli() : null).bind("decidedBy", decided ? decidedBy : null).execute();
            return Outcome.DONE;
        }));
    }

    /** What a write did. */
    enum Outcome { DONE, ALREADY_CLAIMED, NAME_TAKEN, NOT_PENDING }

    /** Deletes the person's claim; the deleted claim (to know whether public pages change), or empty. */
    Optional<AuthorshipClaim> delete(String id, String accountId) {
        return database.jdbi().inTransaction(h -> {
            Optional<AuthorshipClaim> claim = h.createQuery(CLAIM + " WHERE c.id = :id AND c.account_id = :account")
                    .bind("id", id).bind("account", accountId).map(ClaimRepository::claim).findOne();
            claim.ifPresent(c -> h.createUpdate("DELETE FROM authorship_claim WHERE id = :id").bind("id", id).execute());
            return claim;
        });
    }

    /**
     * Accepts or rejects a pending claim and writes the audit log entry, in one transaction. NOT_PENDING when
     * it was decided (or withdrawn) meanwhile, NAME_TAKEN when someone else already holds the name.
     */
    Outcome decide(AuthorshipClaim claim, ClaimStatus decision, String reason, String admin, Instant now, String auditId, String auditDetail) {
        return orOnRace(Outcome.NAME_TAKEN, () -> database.jdbi().inTransaction(h -> {
            if (decision == ClaimStatus.ACCEPTED && acceptedHolder(h, claim.arxivId(), claim.authorName()).isPresent()) {
                return Outcome.NAME_TAKEN;
            }
            int changed = h.createUpdate("UPDATE authorship_claim SET status = :status, reason = :reason, decided_at = :now, decided_by = :admin"
                            + " WHERE id = :id AND status = 'pending'")
                    .bind("status", decision.column()).bind("reason", reason).bind("now", now.toEpochMilli())
                    .bind("admin", admin).bind("id", claim.id()).execute();
            if (changed == 0) {
                return Outcome.NOT_PENDING;
            }
            // The curation log's table: claims decisions are administrators' actions like hiding a paper.
            h.createUpdate("INSERT INTO audit_log (id, at, actor, action, arxiv_id, detail) VALUES (:id, :at, :actor, :action, :paper, :detail)")
                    .bind("id", auditId).bind("at", now.toEpochMilli()).bind("actor", admin)
                    .bind("action", decision == ClaimStatus.ACCEPTED ? "ACCEPT_CLAIM" : "REJECT_CLAIM")
                    .bind("paper", claim.arxivId()).bind("detail", auditDetail).execute();
            return Outcome.DONE;
        }));
    }

    /**
     * {@code write}'s outcome, or {@code raced} when a unique index refused it: on PostgreSQL two transactions can
     * both pass the checks above and the index decides (SQLite's IMMEDIATE transactions never overlap).
     */
    private static Outcome orOnRace(Outcome raced, java.util.function.Supplier<Outcome> write) {
        try {
            return write.get();
        } catch (org.jdbi.v3.core.JdbiException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                        || (sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed")))) {
                    return raced;
                }
            }
            throw e;
        }
    }

    /** Erases the person's claims (account deletion). */
    static void deleteAll(Handle h, String accountId) {
        h.createUpdate("DELETE FROM authorship_claim WHERE account_id = :account").bind("account", accountId).execute();
    }

    /** Whether the person holds an accepted claim on the paper. */
    boolean acceptedAuthor(String accountId, String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM authorship_claim WHERE account_id = :account AND arxiv_id = :paper AND status = 'accepted'")
                .bind("account", accountId).bind("paper", arxivId).mapTo(Integer.class).one() > 0);
    }

    private static AuthorshipClaim claim(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long decided = rs.getLong("decided_at");
        Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
        return new AuthorshipClaim(rs.getString("id"), rs.getString("account_id"), rs.getString("handle"), rs.getString("arxiv_id"),
                rs.getString("title"), rs.getString("author_name"), ClaimStatus.ofColumn(rs.getString("status")), rs.getString("reason"),
                Instant.ofEpochMilli(rs.getLong("created_at")), decidedAt, rs.getString("decided_by"));
    }
}
