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

    /** The file of an embedded SQLite database; empty for PostgreSQL, in-memory and {@code file:} URI databases. */
    public java.util.Optional<java.nio.file.Path> sqliteFile() {
        if (!isSqlite()) {
            return java.util.Optional.empty();
        }
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")
                ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of(path));
    }
}
