package org.dailypapers.digest;

import java.security.SecureRandom;
import java.util.Base64;
import org.dailypapers.store.Database;

/**
 * Secrets generated once per installation and kept in the database, so that every process sharing it (two
 * servers on PostgreSQL, a cron job) signs and checks links with the same key. Thread-safe.
 */
final class SecretStore {
    private final Database database;

    SecretStore(Database database) {
        this.database = database;
    }

    /** The secret called {@code name}, created (32 random bytes) by whichever process asks first. */
    String getOrCreate(String name) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return database.jdbi().inTransaction(h -> {
            // Two processes starting at once both insert; the loser's row is ignored and both read the winner's.
            h.createUpdate("INSERT INTO app_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("value", fresh).execute();
            return h.createQuery("SELECT value FROM app_secret WHERE name = :name").bind("name", name)
                    .mapTo(String.class).one();
        });
    }
}
