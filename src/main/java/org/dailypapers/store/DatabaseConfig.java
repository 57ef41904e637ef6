package org.dailypapers.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database lives. {@code url} is a JDBC URL: {@code jdbc:sqlite:...} (the embedded default) or
 * {@code jdbc:postgresql://...}. {@code poolSize} bounds open connections.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database url must start with jdbc:sqlite: or jdbc:postgresql: (got " + url + ")");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("database pool size must be 1..200 (got " + poolSize + ")");
        }
    }

    /** The embedded default: {@code papers.db} in the data directory. */
    public static DatabaseConfig sqliteIn(Path dataDir) {
        return new DatabaseConfig("jdbc:sqlite:" + dataDir.resolve("papers.db"), null, null, 8);
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }
}
