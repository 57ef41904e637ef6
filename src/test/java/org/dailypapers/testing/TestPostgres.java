package org.dailypapers.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of a test run: {@code ./run-tests} starts a throwaway one (scripts/test-postgres.sh), sets
 * DAILYPAPERS_TEST_PG_URL, and sets DAILYPAPERS_TEST_REQUIRE_PG so that a missing server fails the run instead of
 * skipping the PostgreSQL tests.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {}

    /** Call from {@code @BeforeAll}: aborts (skips) without a server, unless one is required. */
    public static void requireServer() {
        if (System.getenv("DAILYPAPERS_TEST_PG_URL") == null) {
            if ("true".equals(System.getenv("DAILYPAPERS_TEST_REQUIRE_PG"))) {
                throw new IllegalStateException("DAILYPAPERS_TEST_REQUIRE_PG is set but DAILYPAPERS_TEST_PG_URL is not");
            }
            Assumptions.abort("no PostgreSQL: ./run-tests starts one (scripts/test-postgres.sh)");
        }
    }

    /** The JDBC URL of a new, empty database on the test server, so that a test starts from migration V1. */
    public static String freshDatabase() throws SQLException {
        String admin = System.getenv("DAILYPAPERS_TEST_PG_URL");
        String name = "dp_" + Long.toHexString(System.nanoTime()) + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }
}
