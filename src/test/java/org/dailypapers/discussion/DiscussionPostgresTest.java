package org.dailypapers.discussion;

import java.util.Map;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** {@link DiscussionScenarios} on PostgreSQL (DAILYPAPERS_TEST_PG_URL), each test in a fresh database. */
class DiscussionPostgresTest extends DiscussionScenarios {
    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }

    @Override
    Map<String, String> env() throws Exception {
        return Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase());
    }
}
