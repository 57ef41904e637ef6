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
import org.dailypapers.testing.TestPostgres;
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
        TestPostgres.requireServer();
    }

    @Test
    void many_people_voting_at_once_and_twice_are_counted_exactly_on_postgresql() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase(), "DAILYPAPERS_ADMINS", "root@example.org");
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

    @Test
    void first_sign_ins_at_once_with_shared_local_parts_all_succeed_with_distinct_handles_on_postgresql() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase());
        try (TestInstance instance = TestInstance.withEnv(dir, env).start()) {
            List<Callable<String>> signIns = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // Twenty distinct people called ada, and one address signing in ten times at once.
                String email = i < 20 ? "ada@site" + i + ".example.org" : "grace@example.org";
                signIns.add(() -> instance.app().accounts().openSession(EmailAddress.parse(email)).session().account().handle());
            }
            ExecutorService pool = Executors.newFixedThreadPool(30);
            List<String> handles = new ArrayList<>();
            try {
                for (Future<String> f : pool.invokeAll(signIns)) {
                    handles.add(f.get());
                }
            } finally {
                pool.shutdown();
            }
            assertThat(handles.subList(0, 20)).doesNotHaveDuplicates().allMatch(h -> h.matches("ad-[a-z2-9]{4,8}"));
            assertThat(java.util.Set.copyOf(handles.subList(20, 30))).hasSize(1);
        }
    }

    @Test
    void parallel_submissions_of_one_person_cannot_exceed_the_daily_limit_on_postgresql() throws Exception {
        try (var arxiv = org.dailypapers.testing.ReplayServer.start()) {
            var recorded = org.dailypapers.testing.ArxivReplay.reply("id_1605.08386_s0_m100_199195aa31ad");
            for (int i = 0; i < 8; i++) {
                String id = "1605.0839" + i;
                arxiv.when(r -> r.query().contains("id_list=" + id), org.dailypapers.testing.ReplayServer.Reply.status(200,
                        new String(recorded.body(), java.nio.charset.StandardCharsets.UTF_8).replace("1605.08386", id),
                        "application/atom+xml; charset=utf-8"));
            }
            Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase(),
                    "DAILYPAPERS_ARXIV_API_URL", org.dailypapers.testing.ArxivReplay.baseUrl(arxiv).toString(),
                    "DAILYPAPERS_SUBMIT_DAILY_LIMIT", "2");
            var clock = new org.dailypapers.testing.MutableClock(java.time.Instant.parse("2016-06-01T16:00:00Z"));
            try (TestInstance instance = TestInstance.withClock(dir, env, clock).start()) {
                Visitor ada = instance.signedIn("ada@example.org");
                List<Callable<Integer>> submits = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String id = "1605.0839" + i;
                    submits.add(() -> ada.post("/submit", fields("paper", id)).statusCode());
                }
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Integer> statuses = new ArrayList<>();
                try {
                    for (Future<Integer> f : pool.invokeAll(submits)) {
                        statuses.add(f.get());
                    }
                } finally {
                    pool.shutdown();
                }
                assertThat(statuses).containsOnly(303, 429);
                assertThat(statuses.stream().filter(s -> s == 303).count()).isEqualTo(2);
            }
        }
    }
}
