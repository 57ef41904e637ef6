package org.dailypapers.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Accounts;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community migration and concurrent votes on PostgreSQL. Runs when DAILYPAPERS_TEST_POSTGRES_URL names
 * a server (e.g. jdbc:postgresql://127.0.0.1:5432/postgres, user from DAILYPAPERS_TEST_POSTGRES_USER) on
 * which it may create databases; each run uses a new database.
 */
@EnabledIfEnvironmentVariable(named = "DAILYPAPERS_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
class PostgresCommunityTest {
    @TempDir
    Path dir;

    @Test
    void many_people_voting_at_once_and_twice_are_counted_exactly_on_postgresql() throws Exception {
        String admin = System.getenv("DAILYPAPERS_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("DAILYPAPERS_TEST_POSTGRES_USER", "postgres");
        String db = "dp_test_" + Long.toHexString(System.nanoTime());
        try (var c = DriverManager.getConnection(admin, user, System.getenv("DAILYPAPERS_TEST_POSTGRES_PASSWORD"));
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db;
        Map<String, String> env = new java.util.HashMap<>(Map.of("DAILYPAPERS_DB_URL", url, "DAILYPAPERS_DB_USER", user,
                "DAILYPAPERS_ADMINS", "root@example.org"));
        if (System.getenv("DAILYPAPERS_TEST_POSTGRES_PASSWORD") != null) {
            env.put("DAILYPAPERS_DB_PASSWORD", System.getenv("DAILYPAPERS_TEST_POSTGRES_PASSWORD"));
        }
        try (TestInstance instance = TestInstance.withEnv(dir, env, "hf/2026-08-21.json").start()) {
            String paper = "2608.19880";
            int people = 80;
            List<Visitor> visitors = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Accounts.NewSession session = instance.app().accounts().openSession(EmailAddress.parse("pg" + i + "@example.org"));
                Visitor v = new Visitor(instance::url);
                v.setCookie("dp_session", session.cookie());
                v.csrf(session.session().csrfToken());
                visitors.add(v);
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Callable<Integer>> votes = new ArrayList<>();
                for (Visitor v : visitors) {
                    // Each person clicks three times at once: the primary key lets one through.
                    for (int c = 0; c < 3; c++) {
                        votes.add(() -> v.htmx("/papers/" + paper + "/upvote", fields("up", "true")).statusCode());
                    }
                }
                for (Future<Integer> f : pool.invokeAll(votes)) {
                    assertThat(f.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(instance.app().papers().find(new ArxivId(paper)).orElseThrow().entry().upvotes()).isEqualTo(163 + people);
            assertThat(instance.app().upvotes().localVotes(new ArxivId(paper))).isEqualTo(people);

            // Curation and the audit log on PostgreSQL too.
            var root = instance.app().accounts().openSession(EmailAddress.parse("root@example.org")).session().account();
            instance.app().curation().apply(root, org.dailypapers.curation.Action.HIDE, new ArxivId(paper), "test");
            assertThat(instance.get("/papers/date/2026-08-21").body()).doesNotContain("/papers/" + paper + "\"");
            assertThat(instance.app().curation().auditLog(root, 10)).hasSize(1);
            assertThat(instance.get("/api/daily_papers?date=2026-08-21&sort=trending").statusCode()).isEqualTo(200);
        }
    }
}
