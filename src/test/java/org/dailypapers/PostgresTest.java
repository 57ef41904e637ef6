package org.dailypapers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.ingest.ImportSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server option: the same migrations, import and pages on a real PostgreSQL as on SQLite, answer for answer.
 * {@code ./run-tests} starts a throwaway server (scripts/test-postgres.sh) and sets DAILYPAPERS_TEST_PG_URL; it also
 * sets DAILYPAPERS_TEST_REQUIRE_PG so that a missing server fails the run instead of skipping these tests.
 */
class PostgresTest {
    private static final List<String> SAME_ANSWERS = List.of(
            "/api/daily_papers?date=2026-08-21", "/api/daily_papers?date=2026-08-21&sort=upvotes&limit=5&p=1",
            "/api/daily_papers?week=2026-W34", "/api/daily_papers?month=2024-05", "/api/papers/2405.17247",
            "/api/papers/search?q=language+model&limit=20", "/api/papers/search?q=author:Wang&limit=20");

    @TempDir
    Path sqliteDir;

    @TempDir
    Path postgresDir;

    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }


    @Test
    void postgres_answers_exactly_as_sqlite_does() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase());
        try (TestInstance sqlite = TestInstance.withFixtures(sqliteDir, "hf").start();
                TestInstance postgres = TestInstance.withEnv(postgresDir, env, "hf").start()) {
            for (String path : SAME_ANSWERS) {
                HttpResponse<String> expected = sqlite.get(path);
                HttpResponse<String> actual = postgres.get(path);
                assertThat(expected.statusCode()).as(path).isEqualTo(200);
                assertThat(actual.statusCode()).as(path).isEqualTo(200);
                assertThat(actual.body()).as(path).isEqualTo(expected.body());
            }
            String day = sqlite.get("/papers/date/2026-08-21").body();
            assertThat(postgres.get("/papers/date/2026-08-21").body()).isEqualTo(day);
        }
    }

    @Test
    void importing_twice_into_postgres_changes_nothing() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase());
        try (TestInstance postgres = TestInstance.withEnv(postgresDir, env, "hf")) {
            ImportSummary again = postgres.importFixtures("hf");
            assertThat(again.created()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(again.unchanged()).isEqualTo(postgres.app().papers().count());
        }
    }
}
