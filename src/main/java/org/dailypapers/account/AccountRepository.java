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

    /**
     * The account of this address, created (with a free handle) on first sign-in. Retried when a
     * simultaneous first sign-in took the address or the handle first (PostgreSQL; SQLite queues writers).
     */
    Account findOrCreate(EmailAddress email, Instant now) {
        return retryOnUniqueViolation(() -> database.jdbi().inTransaction(h -> findOrCreate(h, email, now)));
    }

    /**
     * Uses the link, creates the account on first use and saves the session, all in one transaction: when
     * any step fails nothing is written and the link still works. Empty when the link is used, expired or unknown.
     */
    Optional<Account> signIn(String tokenHash, Instant now, String sessionIdHash, String csrf, Instant sessionExpires) {
        return retryOnUniqueViolation(() -> database.jdbi().inTransaction(h -> {
            Optional<String> email = h.createQuery(
                            "SELECT email FROM sign_in_link WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                    .bind("hash", tokenHash).bind("now", now.toEpochMilli()).mapTo(String.class).findOne();
            // The conditional update, not the read, decides between two clicks racing each other.
            if (email.isEmpty() || h.createUpdate(
                            "UPDATE sign_in_link SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                    .bind("now", now.toEpochMilli()).bind("hash", tokenHash).execute() != 1) {
                return Optional.<Account>empty();
            }
            Account account = findOrCreate(h, new EmailAddress(email.get()), now);
            insertSession(h, sessionIdHash, account.id(), csrf, now, sessionExpires);
            return Optional.of(account);
        }));
    }

    private static Account findOrCreate(Handle h, EmailAddress email, Instant now) {
        Optional<Account> existing = h.createQuery(ACCOUNT + " WHERE email = :email")
                .bind("email", email.value()).map(AccountRepository::account).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        String handle = freeHandle(h, email);
        Account created = new Account(Tokens.id(), email, handle, null, now);
        h.createUpdate("INSERT INTO account (id, email, handle, display_name, created_at) VALUES (:id, :email, :handle, NULL, :at)")
                .bind("id", created.id()).bind("email", email.value()).bind("handle", handle)
                .bind("at", now.toEpochMilli()).execute();
        return created;
    }

    /**
     * A handle no account here uses and no imported submitter ({@code feed_entry.submitted_by}) goes by, so
     * that a new account cannot take over an imported person's {@code /users/{name}} page (profile paths
     * match names exactly, so an exact comparison suffices; it uses the index of V5).
     */
    private static String freeHandle(Handle h, EmailAddress email) {
        for (int attempt = 0; ; attempt++) {
            String candidate = Handles.fromEmail(email, attempt < 5 ? 4 : 8);
            boolean taken = h.createQuery("SELECT (SELECT COUNT(*) FROM account WHERE handle = :h)"
                            + " + (SELECT COUNT(*) FROM feed_entry WHERE submitted_by = :h)")
                    .bind("h", candidate).mapTo(Integer.class).one() > 0;
            if (!taken) {
                return candidate;
            }
        }
    }

    /** Runs {@code work} again (up to 5 times in all) when it failed on a UNIQUE constraint. */
    private static <T> T retryOnUniqueViolation(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (org.jdbi.v3.core.JdbiException e) {
                if (attempt >= 5 || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || (sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed")))) {
                return true;
            }
        }
        return false;
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

    void saveSession(String idHash, String accountId, String csrf, Instant now, Instant expires) {
        database.jdbi().useHandle(h -> insertSession(h, idHash, accountId, csrf, now, expires));
    }

    private static void insertSession(Handle h, String idHash, String accountId, String csrf, Instant now, Instant expires) {
        // Expired sessions are useless: clearing them here keeps the table small without a scheduler.
        h.createUpdate("DELETE FROM account_session WHERE expires_at < :now").bind("now", now.toEpochMilli()).execute();
        h.createUpdate("INSERT INTO account_session (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (:id, :account, :csrf, :now, :expires)")
                .bind("id", idHash).bind("account", accountId).bind("csrf", csrf)
                .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli()).execute();
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

    /** Has each part erase the person's rows, then deletes the account, in one transaction. */
    void delete(String accountId, java.util.List<PersonalData> parts) {
        database.jdbi().useTransaction(h -> {
            for (PersonalData part : parts) {
                part.erase(h, accountId);
            }
            h.createUpdate("DELETE FROM account WHERE id = :id").bind("id", accountId).execute();
        });
    }

    private static Account account(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Account(rs.getString("id"), new EmailAddress(rs.getString("email")), rs.getString("handle"),
                rs.getString("display_name"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** @param usedAt null while unused */
    record LinkState(EmailAddress email, Instant expiresAt, Instant usedAt) {}
}
