package org.dailypapers.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a connection pool, the schema brought up to date by Flyway, and a {@link Jdbi} over it.
 * Thread-safe; close it once at shutdown.
 *
 * <p>SQLite runs in WAL mode so that readers (page views) never wait for the writer (an import), with a
 * busy timeout so that concurrent writers queue instead of failing; transactions begin IMMEDIATE (take the
 * write lock first) so that a read-then-write transaction never fails on a snapshot another writer outdated.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseConfig config;

    private Database(HikariDataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.config = config;
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("dailypapers-db");
        if (config.isSqlite()) {
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "NORMAL");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("busy_timeout", "10000");
            // Transactions take the write lock when they begin: a DEFERRED transaction that reads and then
            // writes fails at once with SQLITE_BUSY(_SNAPSHOT) when another writer committed in between, and the
            // busy timeout cannot help it. IMMEDIATE ones queue behind each other (autocommit reads do not).
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(migrationLocations(config))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config);
    }

    /**
     * Portable migrations live in {@code db/migration/common}; a migration that must differ by database goes
     * to {@code db/migration/sqlite} or {@code db/migration/postgresql}, read only when present.
     */
    private static String[] migrationLocations(DatabaseConfig config) {
        String vendor = "db/migration/" + (config.isSqlite() ? "sqlite" : "postgresql");
        return Database.class.getClassLoader().getResource(vendor) == null
                ? new String[] {"classpath:db/migration/common"}
                : new String[] {"classpath:db/migration/common", "classpath:" + vendor};
    }

    /** Where it lives: a component that needs a connection of its own (PostgreSQL's LISTEN) opens one from it. */
    public DatabaseConfig config() {
        return config;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
