package org.dailypapers.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.testing.ArxivReplay;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions over real HTTP, with arXiv replayed from recorded answers. The clock is a week after 1605.08386 appeared. */
class SubmissionTest {
    /** A well-formed id of a past month that arXiv answers with an empty feed. */
    static final String UNKNOWN = "1605.00001";

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2016-06-01T16:00:00Z"));
    ReplayServer arxiv;
    TestInstance instance;

    @BeforeEach
    void start() {
        arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad", "id_0000.0000_s0_m100_8b51d9633a68",
                "id_astro-ph_0601001_s0_m100_3150dca9dc76");
        arxiv.when(r -> r.query().contains("id_list=1605.99999"),
                ArxivReplay.reply("id_1605.08386_s0_m100_199195aa31ad").delayedBy(Duration.ofSeconds(3)));
        arxiv.when(r -> r.query().contains("id_list=1605.99998"), ArxivReplay.reply("id_abc_s0_m100_b79c8dcf6bc3"));
        // 0000.0000 cannot exist (month 00) and is refused before asking: an id that could exist gets arXiv's empty answer.
        arxiv.when(r -> r.query().contains("id_list=" + UNKNOWN), ArxivReplay.reply("id_0000.0000_s0_m100_8b51d9633a68"));
        for (int i = 0; i < 10; i++) {
            String id = "1605.0839" + i;
            arxiv.when(r -> r.query().contains("id_list=" + id), renamed(id));
        }
        instance = TestInstance.withClock(dir, Map.of(
                "DAILYPAPERS_ARXIV_API_URL", ArxivReplay.baseUrl(arxiv).toString(),
                "DAILYPAPERS_ARXIV_TIMEOUT_SECONDS", "1",
                "DAILYPAPERS_SUBMIT_DAILY_LIMIT", "1",
                "DAILYPAPERS_ADMINS", "root@example.org"), clock, "hf/2026-08-21.json").start();
    }

    @AfterEach
    void stop() {
        instance.close();
        arxiv.close();
    }

    String handleOf(String email) {
        return instance.app().accounts().openSession(EmailAddress.parse(email)).session().account().handle();
    }

    PaperRecord stored(String id) {
        return instance.app().papers().find(new ArxivId(id)).orElseThrow();
    }

    @Test
    void a_paper_submitted_by_its_arxiv_link_lands_on_todays_feed_submitted_by_its_submitter() {
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.get("/submit").body()).contains("arXiv id or link").contains("last 14 days");
        HttpResponse<String> done = ada.post("/submit", fields("paper", "https://arxiv.org/abs/1605.08386v1"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/papers/1605.08386");

        PaperRecord r = stored("1605.08386");
        assertThat(r.paper().title()).isEqualTo("Heat-bath random walks with Markov bases");
        assertThat(r.entry().feedDay()).isEqualTo(LocalDate.parse("2016-06-01"));
        String handle = handleOf("ada@example.org");
        assertThat(r.entry().submittedBy()).isEqualTo(handle).startsWith("ad-");
        assertThat(r.entry().upvotes()).isZero();

        String page = instance.get("/papers/1605.08386").body();
        assertThat(page).contains("Submitted by <a href=\"/users/" + handle + "\">" + handle + "</a>");
        assertThat(instance.get("/papers/date/2016-06-01").body()).contains("Heat-bath random walks with Markov bases");
        assertThat(instance.get("/users/" + handle).body()).contains("Heat-bath random walks");
        assertThat(instance.app().search().records(instance.app().search().search(
                org.dailypapers.search.SearchRequest.of("heat-bath markov bases", 5))).stream()
                .map(x -> x.paper().id().value())).contains("1605.08386");
    }

    @Test
    void pdf_and_hugging_face_links_are_understood() {
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.post("/submit", fields("paper", "https://huggingface.co/papers/1605.08386")).statusCode()).isEqualTo(303);
        HttpResponse<String> again = instance.signedIn("bob@example.org").post("/submit", fields("paper", "arxiv.org/pdf/1605.08386v1.pdf"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already on the feed (2016-06-01)");
    }

    @Test
    void of_several_people_submitting_one_paper_at_once_exactly_one_gets_it() throws Exception {
        java.util.List<Visitor> people = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(instance.signedIn("p" + i + "@example.org"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var results = pool.invokeAll(people.stream()
                    .map(v -> (java.util.concurrent.Callable<HttpResponse<String>>) () -> v.post("/submit", fields("paper", "1605.08386")))
                    .toList());
            long accepted = 0;
            for (var r : results) {
                if (r.get().statusCode() == 303) {
                    accepted++;
                } else {
                    assertThat(r.get().statusCode()).isEqualTo(400);
                    assertThat(r.get().body()).containsAnyOf("already on the feed", "just submitted by someone else");
                }
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(stored("1605.08386").entry().submittedBy()).startsWith("p");
    }

    @Test
    void every_refusal_says_why_and_saves_nothing() {
        Visitor ada = instance.signedIn("ada@example.org");
        assertRefused(ada, "", 400, "give an arXiv id");
        assertRefused(ada, "abc", 400, "is not an arXiv id or an arxiv.org");
        assertRefused(ada, "https://example.org/abs/1605.08386", 400, "is not an arXiv id");
        assertRefused(ada, "x".repeat(301), 400, "at most 300 characters");
        assertRefused(ada, "1605.08386 " + "x".repeat(70_000), 413, "Request too large"); // over the 64 KB request limit
        assertRefused(ada, "2608.19880", 400, "already on the feed (2026-08-21)");
        assertRefused(ada, UNKNOWN, 404, "arXiv does not know a paper " + UNKNOWN);
        assertRefused(ada, "astro-ph/0601001", 400, "only papers from the last 14 days");
        assertRefused(ada, "1605.99998", 400, "incorrect id format");
        assertRefused(ada, "1605.99999", 503, "did not answer within 1 s");
        assertThat(instance.app().papers().find(new ArxivId("astro-ph/0601001"))).isEmpty();
        assertThat(instance.app().papers().find(new ArxivId("1605.99999"))).isEmpty();
        // Refusals do not use up the day's allowance; the slow paper can be tried again.
        assertThat(ada.post("/submit", fields("paper", "1605.08386")).statusCode()).isEqualTo(303);
    }

    @Test
    void a_refusal_shows_the_form_again_with_the_typed_id_the_reason_and_a_way_to_retry() {
        // arXiv is too slow the first time, quick the second.
        arxiv.when(r -> r.query().contains("id_list=1605.99997"),
                renamed("1605.99997").delayedBy(Duration.ofSeconds(3)), renamed("1605.99997"));
        Visitor ada = instance.signedIn("ada@example.org");
        for (String[] c : new String[][] {{"abc", "400", "is not an arXiv id"}, {UNKNOWN, "404", "arXiv does not know"},
                {"1605.99998", "400", "incorrect id format"}, {"1605.99997", "503", "did not answer within 1 s"}}) {
            HttpResponse<String> r = ada.post("/submit", fields("paper", c[0]));
            assertThat(r.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.body()).as(c[0]).contains("<h1>Submit a paper</h1>", "<form method=\"post\" action=\"/submit\"",
                    "name=\"paper\"", "value=\"" + c[0] + "\"", "role=\"alert\"", c[2], ">Try again</button>");
        }
        // Trying again (the kept id, sent as is) works once arXiv answers in time.
        assertThat(ada.post("/submit", fields("paper", "1605.99997")).statusCode()).isEqualTo(303);
    }

    @Test
    void already_on_the_feed_links_to_the_paper() {
        HttpResponse<String> r = instance.signedIn("ada@example.org").post("/submit", fields("paper", "https://arxiv.org/abs/2608.19880v2"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("already on the feed (2026-08-21)", "<a href=\"/papers/2608.19880\">",
                "value=\"https://arxiv.org/abs/2608.19880v2\"");
        // Other refusals link nowhere.
        assertThat(instance.signedIn("bob@example.org").post("/submit", fields("paper", "abc")).body()).doesNotContain("on the feed</a>");
    }

    @Test
    void ids_that_cannot_exist_are_refused_without_asking_arxiv() {
        Visitor ada = instance.signedIn("ada@example.org");
        // Today is 2016-06-01.
        assertRefused(ada, "1699.00001", 400, "there is no month 99");
        assertRefused(ada, "2699.99999", 400, "there is no month 99");
        assertRefused(ada, "1600.00001", 400, "there is no month 00");
        assertRefused(ada, "1613.00001", 400, "there is no month 13");
        assertRefused(ada, "1607.00001", 400, "July 2016, which has not come yet");
        assertRefused(ada, "1605.00000", 400, "arXiv numbers papers from 1");
        assertRefused(ada, "1605.0001", 400, "ids since 2015 have five digits");
        assertRefused(ada, "0703.00001", 400, "ids of this form start in April 2007");
        assertRefused(ada, "math/0801001", 400, "ids of this form were used from August 1991 to March 2007");
        assertThat(arxiv.requests()).isEmpty();
    }

    @Test
    void an_unreachable_arxiv_is_said_in_words_and_the_id_can_be_tried_again() {
        ReplayServer closed = ReplayServer.start();
        java.net.URI nowhere = ArxivReplay.baseUrl(closed);
        closed.close(); // nothing listens on its port any more: the connection is refused
        try (TestInstance offline = TestInstance.withClock(dir.resolve("offline"), Map.of(
                "DAILYPAPERS_ARXIV_API_URL", nowhere.toString(), "DAILYPAPERS_ARXIV_TIMEOUT_SECONDS", "2"), clock).start()) {
            HttpResponse<String> r = offline.signedIn("ada@example.org").post("/submit", fields("paper", "1605.08386"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("arXiv could not be reached", "Nothing was saved", "value=\"1605.08386\"", ">Try again</button>")
                    .doesNotContain("Exception").doesNotContainPattern("\\b[A-Z][a-z]+[A-Z][A-Za-z]*(Exception|Error)\\b");
            assertThat(offline.app().papers().find(new ArxivId("1605.08386"))).isEmpty();
        }
    }

    private static void assertRefused(Visitor v, String input, int status, String message) {
        HttpResponse<String> response = v.post("/submit", fields("paper", input));
        assertThat(response.statusCode()).as(input).isEqualTo(status);
        assertThat(response.body()).as(input).contains(message);
    }

    @Test
    void signed_out_visitors_forged_forms_and_the_daily_limit_are_refused() {
        Visitor anonymous = new Visitor(instance::url);
        assertThat(anonymous.get("/submit").body()).contains("Sign in</a> to submit");
        anonymous.get("/signin"); // holds an anonymous CSRF token: refused for being signed out, not for the token
        assertThat(anonymous.post("/submit", fields("paper", "1605.08386")).statusCode()).isEqualTo(401);
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.postRaw("/submit", fields("paper", "1605.08386"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(instance.app().papers().find(new ArxivId("1605.08386"))).isEmpty();

        // A limit of 1 a day (this test's configuration): refusals above did not count, an accepted paper does.
        assertThat(ada.post("/submit", fields("paper", "1605.08386")).statusCode()).isEqualTo(303);
        HttpResponse<String> second = ada.post("/submit", fields("paper", UNKNOWN));
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("You already submitted 1 papers today, the most allowed per person per day");
        assertThat(instance.signedIn("bob@example.org").post("/submit", fields("paper", UNKNOWN)).statusCode()).isEqualTo(404); // per person
        clock.advance(Duration.ofDays(1));
        assertThat(ada.post("/submit", fields("paper", UNKNOWN)).statusCode()).isEqualTo(404); // a new day: allowed again
    }

    @Test
    void the_submitter_adds_code_and_project_links_and_nobody_else_can() {
        Visitor ada = instance.signedIn("ada@example.org");
        ada.post("/submit", fields("paper", "1605.08386"));
        assertThat(ada.get("/papers/1605.08386/tools").body()).contains("Your submission: add links");
        assertThat(instance.get("/papers/1605.08386/tools").body()).isEmpty();

        HttpResponse<String> bad = ada.post("/papers/1605.08386/links", fields("github", "https://gitlab.com/a/b"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("GitHub repository");
        assertThat(ada.post("/papers/1605.08386/links", fields("projectPage", "javascript:alert(1)")).statusCode()).isEqualTo(400);
        assertThat(ada.post("/papers/1605.08386/links", fields("projectPage", "https://x.org/" + "a".repeat(600))).statusCode()).isEqualTo(400);

        Visitor bob = instance.signedIn("bob@example.org");
        assertThat(bob.get("/papers/1605.08386/tools").body()).doesNotContain("add links");
        HttpResponse<String> notHis = bob.post("/papers/1605.08386/links", fields("github", "https://github.com/bob/evil"));
        assertThat(notHis.statusCode()).isEqualTo(403);

        assertThat(ada.post("/papers/1605.08386/links", fields("github", "https://github.com/stanley/heat-bath",
                "projectPage", "https://example.org/heat-bath")).statusCode()).isEqualTo(303);
        PaperRecord r = stored("1605.08386");
        assertThat(r.paper().githubRepo()).isEqualTo("https://github.com/stanley/heat-bath");
        assertThat(r.paper().projectPage()).isEqualTo("https://example.org/heat-bath");
        assertThat(r.paper().title()).isEqualTo("Heat-bath random walks with Markov bases");
        assertThat(r.entry().submittedBy()).isEqualTo(handleOf("ada@example.org"));
        assertThat(instance.get("/papers/1605.08386").body()).contains("https://github.com/stanley/heat-bath");
    }

    /** The recorded answer for 1605.08386 as if it were for {@code id}: so many papers can be submitted at once. */
    static ReplayServer.Reply renamed(String id) {
        ReplayServer.Reply recorded = ArxivReplay.reply("id_1605.08386_s0_m100_199195aa31ad");
        return ReplayServer.Reply.status(recorded.status(),
                new String(recorded.body(), java.nio.charset.StandardCharsets.UTF_8).replace("1605.08386", id),
                "application/atom+xml; charset=utf-8");
    }

    private static java.util.List<HttpResponse<String>> atOnce(java.util.List<java.util.concurrent.Callable<HttpResponse<String>>> calls)
            throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            java.util.List<HttpResponse<String>> responses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ten_people_submitting_ten_papers_at_once_all_succeed() throws Exception {
        java.util.List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Visitor v = instance.signedIn("s" + i + "@example.org");
            String id = "1605.0839" + i;
            calls.add(() -> v.post("/submit", fields("paper", id)));
        }
        for (HttpResponse<String> r : atOnce(calls)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(stored("1605.0839" + i).entry().feedDay()).isEqualTo(LocalDate.parse("2016-06-01"));
        }
    }

    @Test
    void parallel_submissions_of_one_person_cannot_exceed_the_daily_limit() throws Exception {
        Visitor ada = instance.signedIn("ada@example.org");
        java.util.List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "1605.0839" + i;
            calls.add(() -> ada.post("/submit", fields("paper", id)));
        }
        long accepted = 0;
        for (HttpResponse<String> r : atOnce(calls)) {
            if (r.statusCode() == 303) {
                accepted++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains("You already submitted 1 papers today");
            }
        }
        assertThat(accepted).isEqualTo(1); // DAILYPAPERS_SUBMIT_DAILY_LIMIT=1
    }

    @Test
    void a_removed_submission_cannot_be_submitted_again_and_still_counts_toward_the_daily_limit() {
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.post("/submit", fields("paper", "1605.08386")).statusCode()).isEqualTo(303);
        assertThat(instance.signedIn("root@example.org").post("/admin/papers/1605.08386", fields("action", "remove-submission")).statusCode()).isEqualTo(303);
        assertThat(instance.app().papers().find(new ArxivId("1605.08386")).orElseThrow().entry()).isNull();

        HttpResponse<String> again = ada.post("/submit", fields("paper", "1605.08386"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("removed from the feed by a curator: it cannot be submitted again");
        HttpResponse<String> someoneElse = instance.signedIn("bob@example.org").post("/submit", fields("paper", "https://arxiv.org/abs/1605.08386"));
        assertThat(someoneElse.body()).contains("cannot be submitted again");
        assertThat(instance.app().papers().find(new ArxivId("1605.08386")).orElseThrow().entry()).isNull();

        HttpResponse<String> another = ada.post("/submit", fields("paper", "1605.08390"));
        assertThat(another.statusCode()).isEqualTo(429);
        assertThat(another.body()).contains("You already submitted 1 papers today");
        // The removed paper is not on her profile any more.
        assertThat(instance.get("/users/" + handleOf("ada@example.org")).body()).doesNotContain("Heat-bath random walks");
    }
}
