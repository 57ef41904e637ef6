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
    void accepting_claims_to_one_name_at_once_accepts_exactly_one_on_postgresql() throws Exception {
        try (TestInstance instance = instance()) {
            Claims claims = instance.app().claims();
            org.dailypapers.paper.ArxivId paper = new org.dailypapers.paper.ArxivId(ClaimScenarios.PAPER);
            org.dailypapers.account.Account admin = account(instance, ClaimScenarios.ADMIN);
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(claims.claim(account(instance, "author" + i + "@example.org"), paper, "Kou Shi").id());
            }
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(ids.size());
            java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (String id : ids) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        claims.accept(admin, id);
                        return "accepted";
                    } catch (org.dailypapers.account.Refused e) {
                        return e.getMessage();
                    }
                }));
            }
            go.countDown();
            java.util.List<String> results = new java.util.ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            pool.shutdown();
            org.assertj.core.api.Assertions.assertThat(results).filteredOn("accepted"::equals).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(results).filteredOn(r -> !r.equals("accepted"))
                    .allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r).contains("already claimed by someone else"));
            org.assertj.core.api.Assertions.assertThat(claims.accepted().handle(ClaimScenarios.PAPER, "Kou Shi")).isPresent();
        }
    }

    static org.dailypapers.account.Account account(TestInstance instance, String email) {
        return instance.app().accounts().openSession(org.dailypapers.mail.EmailAddress.parse(email)).session().account();
    }

    @Test
    void export_and_deletion_with_exact_counts_on_postgresql() throws Exception {
        try (TestInstance instance = instance()) {
            ClaimScenarios.export_then_delete_with_exact_counts(instance);
        }
    }
}
