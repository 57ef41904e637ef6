package org.dailypapers.claims;

import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClaimsWebTest}'s scenarios on PostgreSQL (DAILYPAPERS_TEST_PG_URL), each in a fresh database. */
class ClaimsPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }

    TestInstance instance() throws Exception {
        return TestInstance.withEnv(dir, ClaimScenarios.env(TestPostgres.freshDatabase()), "hf/2026-08-21.json").start();
    }

    @Test
    void claims_are_accepted_linked_and_withdrawn_on_postgresql() throws Exception {
        try (TestInstance instance = instance()) {
            ClaimScenarios.claim_accept_link_and_withdraw(instance);
        }
    }

    @Test
    void rejections_and_refusals_on_postgresql() throws Exception {
        try (TestInstance instance = instance()) {
            ClaimScenarios.reject_with_reason_and_refuse_bad_input(instance);
        }
    }

    @Test
    void export_and_deletion_with_exact_counts_on_postgresql() throws Exception {
        try (TestInstance instance = instance()) {
            ClaimScenarios.export_then_delete_with_exact_counts(instance);
        }
    }
}
