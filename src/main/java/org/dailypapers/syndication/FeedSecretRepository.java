package org.dailypapers.syndication;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.PersonalData;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of private feed secrets (table {@code feed_secret}: one row per person, the secret's SHA-256 only),
 * and their part of a person's data: the export says whether one exists and since when (never the hash);
 * erasing deletes it. Thread-safe.
 */
public final class FeedSecretRepository implements PersonalData {
    private final Database database;

    public FeedSecretRepository(Database database) {
        this.database = database;
    }

    /** Replaces the person's secret (if any) with this one. */
    void replace(String accountId, String secretHash, Instant now) {
        database.jdbi().useTransaction(h -> {
            erase(h, accountId);
            h.createUpdate("INSERT INTO feed_secret (account_id, secret_hash, created_at) VALUES (:account, :hash, :now)")
                    .bind("account", accountId).bind("hash", secretHash).bind("now", now.toEpochMilli()).execute();
        });
    }

    /** Deletes the person's secret; whether there was one. */
    boolean delete(String accountId) {
        return database.jdbi().withHandle(h -> h.createUpdate("DELETE FROM feed_secret WHERE account_id = :account")
                .bind("account", accountId).execute()) > 0;
    }

    /** When the person's current secret was made, if there is one. */
    Optional<Instant> createdAt(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT created_at FROM feed_secret WHERE account_id = :account")
                .bind("account", accountId).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** The handle of the person whose secret has this hash. */
    Optional<String> handleOf(String secretHash) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT a.handle FROM feed_secret f JOIN account a ON a.id = f.account_id WHERE f.secret_hash = :hash")
                .bind("hash", secretHash).mapTo(String.class).findOne());
    }

    @Override
    public String section() {
        return "privateFeed";
    }

    @Override
    public Object export(String accountId) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Instant> created = createdAt(accountId);
        out.put("secretUrlExists", created.isPresent());
        out.put("createdAt", created.map(Instant::toString).orElse(null));
        return out;
    }

    @Override
    public void erase(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM feed_secret WHERE account_id = :account").bind("account", accountId).execute();
    }
}
