package org.dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community migration, concurrent votes and curation on PostgreSQL, on the server {@code ./run-tests}
 * starts (DAILYPAPERS_TEST_PG_URL; see {@link PostgresTest}), in a fresh database.
 */
class PostgresCommunityTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireServer() {
        PostgresTest.requireServer();
    }

    @Test
    void many_people_voting_at_once_and_twice_are_counted_exactly_on_postgresql() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", PostgresTest.freshDatabase(), "DAILYPAPERS_ADMINS", "root@example.org");
        try (TestInstance instance = TestInstance.withEnv(dir, env, "hf/2026-08-21.json").start()) {
            String paper = "2608.19880";
            int people = 80;
            List<Visitor> visitors = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                visitors.add(instance.signedIn("pg" + i + "@example.org"));
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
