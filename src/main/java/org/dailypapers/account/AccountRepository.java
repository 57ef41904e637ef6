package org.dailypapers.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/** The SQL of accounts, sign-in links and sessions. Thread-safe. */
final class AccountRepository {
    private static final String ACCOUNT = "SELECT id, email, handle, display_name, created_at FROM account";

    private final Database database;

    AccountRepository(Database database) {
        this.database = database;
    }

    Optional<Account> byEmail(EmailAddress email) {
        return database.jdbi().withHandle(h -> h.createQuery(ACCOUNT + " WHERE email = :email")
                .bind("email", email.value()).map(AccountRepository::account).findOne());
    }

    Optional<Account> byHandle(String handle) {
        return database.jdbi().withHandle(h -> h.createQuery(ACCOUNT + " WHERE handle = :handle")
                .bind("handle", handle).map(AccountRepository::account).findOne());
    }

    /** The account of this address, created (with a free handle) on first sign-in. */
    Account findOrCreate(EmailAddress email, Instant now) {
        return database.jdbi().inTransaction(h -> {
            Optional<Account> existing = h.createQuery(ACCOUNT + " WHERE email = :email")
                    .bind("email", email.value()).map(AccountRepository::account).findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            String handle = freeHandle(h, Handles.fromEmail(email));
            Account created = new Account(Tokens.id(), email, handle, null, now);
            h.createUpdate("INSERT INTO account (id, email, handle, display_name, created_at) VALUES (:id, :email, :handle, NULL, :at)")
                    .bind("id", created.id()).bind("email", email.value()).bind("handle", handle)
                    .bind("at", now.toEpochMilli()).execute();
            return created;
        });
    }

    private static String freeHandle(Handle h, String base) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            boolean taken = h.createQuery("SELECT COUNT(*) FROM account WHERE handle = :h").bind("h", candidate)
                    .mapTo(Integer.class).one() > 0;
            if (!taken) {
                return candidate;
            }
        }
    }

    void setDisplayName(String accountId, String displayName) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE account SET display_name = :name WHERE id = :id")
                .bind("name", displayName).bind("id", accountId).execute());
    }

    void saveLink(String tokenHash, EmailAddress email, Instant now, Instant expires) {
        database.jdbi().useHandle(h -> {
            // Expired links are useless: clearing them here keeps the table small without a scheduler.
            h.createUpdate("DELETE FROM sign_in_link WHERE expires_at < :old").bind("old", now.toEpochMilli() - 86_400_000L).execute();
            h.createUpdate("INSERT INTO sign_in_link (token_hash, email, created_at, expires_at) VALUES (:hash, :email, :now, :expires)")
                    .bind("hash", tokenHash).bind("email", email.value()).bind("now", now.toEpochMilli())
                    .bind("expires", expires.toEpochMilli()).execute();
        });
    }

    /** The link's state without using it. */
    Optional<LinkState> link(String tokenHash) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT email, expires_at, used_at FROM sign_in_link WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    long used = rs.getLong("used_at");
                    Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                    return new LinkState(new EmailAddress(rs.getString("email")), Instant.ofEpochMilli(rs.getLong("expires_at")), usedAt);
                })
                .findOne());
    }

    /**
     * Marks the link used if it is unused and unexpired, in one statement, so two clicks racing each other
     * cannot both succeed. Returns whether this call used it.
     */
    boolean useLink(String tokenHash, Instant now) {
        return database.jdbi().withHandle(h -> h.createUpdate(
                        "UPDATE sign_in_link SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                .bind("now", now.toEpochMilli()).bind("hash", tokenHash).execute()) == 1;
    }

    void saveSession(String idHash, String accountId, String csrf, Instant now, Instant expires) {
        database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM account_session WHERE expires_at < :now")
                .bind("now", now.toEpochMilli()).execute());
        database.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO account_session (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (:id, :account, :csrf, :now, :expires)")
                .bind("id", idHash).bind("account", accountId).bind("csrf", csrf)
                .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli()).execute());
    }

    Optional<Session> session(String idHash, Instant now) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT a.id, a.email, a.handle, a.display_name, a.created_at, s.csrf_token FROM account_session s"
                                + " JOIN account a ON a.id = s.account_id WHERE s.id_hash = :id AND s.expires_at > :now")
                .bind("id", idHash).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Session(account(rs, ctx), rs.getString("csrf_token")))
                .findOne());
    }

    void deleteSession(String idHash) {
        database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM account_session WHERE id_hash = :id").bind("id", idHash).execute());
    }

    private static Account account(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Account(rs.getString("id"), new EmailAddress(rs.getString("email")), rs.getString("handle"),
                rs.getString("display_name"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** @param usedAt null while unused */
    record LinkState(EmailAddress email, Instant expiresAt, Instant usedAt) {}
}
