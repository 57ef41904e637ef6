package org.dailypapers.web;

import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** {@link CollectionWebTest} on PostgreSQL (DAILYPAPERS_TEST_PG_URL), each test in a fresh database. */
class CollectionPostgresTest extends CollectionWebTest {
    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }

    @Override
    TestInstance instance() throws Exception {
        return TestInstance.withEnv(dir, Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase()), "hf/2026-08-21.json");
    }
}
