package org.dailypapers.apitoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.PersonalData;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of personal API tokens (table {@code api_token}, V10), and their share of a person's data: the
 * export lists names and dates, never a secret or its hash; erasing deletes every token. Thread-safe.
 */
public final class ApiTokenRepository implements PersonalData {
    private static final String TOKEN = "SELECT id, name, created_at, last_used_at FROM api_token";

    private final Database database;

    public ApiTokenRepository(Database database) {
        this.database = database;
    }

    /** Saves a new token unless the account already holds {@code max}; false when it does. */
    boolean insert(String accountId, ApiToken token, String tokenHash, int max) {
        return database.jdbi().inTransaction(h -> {
            // on SQLite the transaction writes first (BEGIN IMMEDIATE); on PostgreSQL the account row is locked
            // so that two creations at once cannot both pass the count
            h.createQuery("SELECT id FROM account WHERE id = :id" + (isPostgres(h) ? " FOR UPDATE" : ""))
                    .bind("id", accountId).mapTo(String.class).findOne();
            int held = h.createQuery("SELECT COUNT(*) FROM api_token WHERE account_id = :account")
                    .bind("account", accountId).mapTo(Integer.class).one();
            if (held >= max) {
                return false;
            }
            h.createUpdate("INSERT INTO api_token (id, account_id, name, token_hash, created_at) VALUES (:id, :account, :name, :hash, :at)")
                    .bind("id", token.id())
                    .bind("account", accountId)
                    .bind("name", token.name())
                    .bind("hash", tokenHash)
                    .bind("at", token.createdAt().toEpochMilli())
                    .execute();
            return true;
        });
    }

    /** The account's tokens, newest first. */
    List<ApiToken> list(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery(TOKEN + " WHERE account_id = :account ORDER BY created_at DESC, id")
                .bind("account", accountId).map(ApiTokenRepository::token).list());
    }

    /** Deletes the account's token {@code id}; false when the account holds no such token (someone else's included). */
    boolean delete(String accountId, String id) {
        return database.jdbi().withHandle(h -> h.createUpdate("DELETE FROM api_token WHERE id = :id AND account_id = :account")
                .bind("id", id).bind("account", accountId).execute()) == 1;
    }

    /** The account whose token has this hash, recording the use. */
    Optional<Account> use(String tokenHash, Instant now) {
        return database.jdbi().inTransaction(h -> {
            Optional<Account> account = h.createQuery("SELECT a.id, a.email, a.handle, a.display_name, a.created_at"
                            + " FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = :hash")
                    .bind("hash", tokenHash)
                    .map((rs, ctx) -> new Account(rs.getString(1), EmailAddress.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
                    .findOne();
            account.ifPresent(a -> h.createUpdate("UPDATE api_token SET last_used_at = :now WHERE token_hash = :hash")
                    .bind("now", now.toEpochMilli()).bind("hash", tokenHash).execute());
            return account;
        });
    }

    @Override
    public String section() {
        return "apiTokens";
    }

    @Override
    public Object export(String accountId) {
        return list(accountId).stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.name());
            row.put("createdAt", t.createdAt().toString());
            row.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
            return row;
        }).toList();
    }

    @Override
    public void erase(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM api_token WHERE account_id = :account").bind("account", accountId).execute();
    }

    private static ApiToken token(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long lastUsed = rs.getLong(4);
        Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed); // wasNull speaks of the last column read
        return new ApiToken(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), lastUsedAt);
    }

    private static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
