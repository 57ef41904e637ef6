package org.dailypapers.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upvotes over real HTTP on a real SQLite database: exact counts, one vote per person, sign-in and CSRF required. */
class UpvoteTest {
    static final String PAPER = "2608.19880"; // 163 upvotes imported from Hugging Face
    static final int IMPORTED = 163;

    @TempDir
    Path dir;

    TestInstance instance;

    @BeforeEach
    void start() {
        instance = TestInstance.withFixtures(dir, "hf/2026-08-21.json").start();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    static int count(String fragment) {
        Matcher m = Pattern.compile("<span class=\"count\">(\\d+)</span>").matcher(fragment);
        assertThat(m.find()).as("a count in %s", fragment).isTrue();
        return Integer.parseInt(m.group(1));
    }

    int shown(String id) {
        return instance.app().papers().find(new ArxivId(id)).orElseThrow().entry().upvotes();
    }

    @Test
    void a_vote_adds_one_to_the_imported_count_and_shows_on_every_page() {
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(count(instance.get("/papers/" + PAPER).body())).isEqualTo(IMPORTED); // cached before the vote
        HttpResponse<String> voted = ada.htmx("/papers/" + PAPER + "/upvote", fields("up", "true"));
        assertThat(voted.statusCode()).isEqualTo(200);
        assertThat(count(voted.body())).isEqualTo(IMPORTED + 1);
        assertThat(voted.body()).contains("aria-pressed=\"true\"").contains("role=\"status\"").contains("Upvoted.");

        assertThat(count(instance.get("/papers/" + PAPER).body())).isEqualTo(IMPORTED + 1);
        assertThat(instance.get("/papers/date/2026-08-21").body()).contains("<span class=\"count\">" + (IMPORTED + 1) + "</span>");
        assertThat(instance.get("/api/papers/" + PAPER).body()).contains("\"upvotes\":" + (IMPORTED + 1));
        assertThat(ada.get("/account/state").body()).contains("\"voted\":[\"" + PAPER + "\"]");
        // Search results carry the same button (the index follows imports).
        assertThat(instance.get("/search?q=EnvHarness").body()).contains("hx-post=\"/papers/" + PAPER + "/upvote\"")
                .contains("<span class=\"count\">" + (IMPORTED + 1) + "</span>");

        HttpResponse<String> undone = ada.htmx("/papers/" + PAPER + "/upvote", fields("up", "false"));
        assertThat(count(undone.body())).isEqualTo(IMPORTED);
        assertThat(undone.body()).contains("aria-pressed=\"false\"");
        assertThat(shown(PAPER)).isEqualTo(IMPORTED);
    }

    @Test
    void re_importing_the_feed_keeps_local_votes_apart_from_imported_ones() {
        instance.signedIn("ada@example.org").htmx("/papers/" + PAPER + "/upvote", fields());
        instance.signedIn("bob@example.org").htmx("/papers/" + PAPER + "/upvote", fields());
        instance.importFixtures("hf/2026-08-21.json");
        assertThat(shown(PAPER)).isEqualTo(IMPORTED + 2);
        instance.importFixtures("hf/2026-08-21.json");
        assertThat(shown(PAPER)).isEqualTo(IMPORTED + 2);
    }

    @Test
    void one_person_voting_twice_counts_once() {
        Visitor ada = instance.signedIn("ada@example.org");
        for (int i = 0; i < 5; i++) {
            assertThat(count(ada.htmx("/papers/" + PAPER + "/upvote", fields("up", "true")).body())).isEqualTo(IMPORTED + 1);
        }
        // Without htmx: a redirect back to the paper, and still one vote.
        HttpResponse<String> plain = ada.post("/papers/" + PAPER + "/upvote", fields("up", "true"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(shown(PAPER)).isEqualTo(IMPORTED + 1);
        assertThat(instance.app().upvotes().localVotes(new ArxivId(PAPER))).isEqualTo(1);
    }

    @Test
    void signed_out_visitors_and_requests_without_the_csrf_token_are_refused() {
        Visitor anonymous = new Visitor(instance::url);
        anonymous.get("/signin");
        HttpResponse<String> signedOut = anonymous.htmx("/papers/" + PAPER + "/upvote", fields("up", "true"));
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(signedOut.body()).isEqualTo("Please sign in to upvote papers.");

        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.postRaw("/papers/" + PAPER + "/upvote", fields("up", "true"), Map.of("HX-Request", "true")).statusCode()).isEqualTo(403);
        assertThat(ada.postRaw("/papers/" + PAPER + "/upvote", fields("up", "true"),
                Map.of("HX-Request", "true", "X-CSRF-Token", "forged")).statusCode()).isEqualTo(403);
        assertThat(shown(PAPER)).isEqualTo(IMPORTED);
    }

    @Test
    void bad_ids_and_papers_off_the_feed_are_refused() {
        Visitor ada = instance.signedIn("ada@example.org");
        HttpResponse<String> malformed = ada.htmx("/papers/not-an-id/upvote", fields());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("is not an arXiv id");
        HttpResponse<String> unknown = ada.htmx("/papers/2608.99999/upvote", fields());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("not on the feed");
        assertThat(ada.htmx("/papers/" + PAPER + "/upvote", fields("up", "maybe")).statusCode()).isEqualTo(400);
        assertThat(shown(PAPER)).isEqualTo(IMPORTED);
    }

    @Test
    void many_simultaneous_votes_from_many_people_are_counted_exactly() throws Exception {
        int people = 120;
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            visitors.add(instance.signedIn("reader" + i + "@example.org"));
        }
        String second = "2608.18580"; // 54 imported
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            // Everyone votes on both papers at once, and every third person clicks twice (stuffing).
            List<Callable<Integer>> votes = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Visitor v = visitors.get(i);
                int clicks = i % 3 == 0 ? 2 : 1;
                for (int c = 0; c < clicks; c++) {
                    votes.add(() -> v.htmx("/papers/" + PAPER + "/upvote", fields("up", "true")).statusCode());
                    votes.add(() -> v.htmx("/papers/" + second + "/upvote", fields("up", "true")).statusCode());
                }
            }
            for (Future<Integer> f : pool.invokeAll(votes)) {
                assertThat(f.get()).isEqualTo(200);
            }
            assertThat(shown(PAPER)).isEqualTo(IMPORTED + people);
            assertThat(shown(second)).isEqualTo(54 + people);
            assertThat(instance.app().upvotes().localVotes(new ArxivId(PAPER))).isEqualTo(people);

            // Half take their vote back while the other half vote again: only the withdrawals change anything.
            List<Callable<Integer>> mixed = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Visitor v = visitors.get(i);
                String up = i % 2 == 0 ? "false" : "true";
                mixed.add(() -> v.htmx("/papers/" + PAPER + "/upvote", fields("up", up)).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(mixed)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(shown(PAPER)).isEqualTo(IMPORTED + people / 2);
        assertThat(instance.app().upvotes().localVotes(new ArxivId(PAPER))).isEqualTo(people / 2);
        assertThat(shown(second)).isEqualTo(54 + people);
    }
}
