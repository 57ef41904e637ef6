package org.dailypapers.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curation over real HTTP: administrators come from DAILYPAPERS_ADMINS; everyone else is refused. */
class CurationTest {
    static final String PAPER = "2608.19880";

    @TempDir
    Path dir;

    TestInstance instance;

    @BeforeEach
    void start() {
        instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_ADMINS", "Root@Example.org, curator@example.org"),
                "hf/2026-08-21.json").start();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void non_administrators_are_refused_and_nothing_changes() {
        Visitor eve = instance.signedIn("eve@example.org");
        HttpResponse<String> hide = eve.post("/admin/papers/" + PAPER, fields("action", "hide"));
        assertThat(hide.statusCode()).isEqualTo(403);
        assertThat(hide.body()).contains("Only administrators");
        assertThat(eve.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(eve.get("/papers/" + PAPER + "/tools").body()).doesNotContain("Curation");
        Visitor anonymous = new Visitor(instance::url);
        anonymous.get("/signin");
        assertThat(anonymous.post("/admin/papers/" + PAPER, fields("action", "hide")).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/admin/audit").statusCode()).isEqualTo(401);
        // An administrator without the CSRF token is refused too.
        assertThat(instance.signedIn("root@example.org").postRaw("/admin/papers/" + PAPER, fields("action", "hide"), Map.of()).statusCode()).isEqualTo(403);

        assertThat(instance.get("/papers/date/2026-08-21").body()).contains("/papers/" + PAPER);
        assertThat(instance.signedIn("root@example.org").get("/admin/audit").body()).contains("No actions yet");
    }

    @Test
    void an_administrator_hides_features_and_shows_again_and_the_audit_log_keeps_it_all() {
        Visitor root = instance.signedIn("root@example.org");
        assertThat(root.get("/papers/" + PAPER + "/tools").body()).contains("Hide from the feed").contains("Feature");

        assertThat(root.post("/admin/papers/" + PAPER, fields("action", "hide", "reason", "spam <b>bold</b>")).statusCode()).isEqualTo(303);
        assertThat(instance.get("/papers/date/2026-08-21").body()).doesNotContain("/papers/" + PAPER + "\"");
        assertThat(instance.get("/api/daily_papers?date=2026-08-21").body()).doesNotContain(PAPER);
        assertThat(instance.get("/papers/" + PAPER).statusCode()).isEqualTo(200); // the paper itself stays reachable
        assertThat(root.get("/admin/audit").body()).contains("root@example.org").contains("<td>hid</td>").contains("spam &lt;b&gt;bold&lt;/b&gt;");

        assertThat(root.post("/admin/papers/" + PAPER, fields("action", "show")).statusCode()).isEqualTo(303);
        assertThat(instance.get("/papers/date/2026-08-21").body()).contains("/papers/" + PAPER);

        Visitor curator = instance.signedIn("curator@example.org");
        assertThat(curator.post("/admin/papers/2608.20335", fields("action", "feature")).statusCode()).isEqualTo(303);
        String day = instance.get("/papers/date/2026-08-21").body();
        assertThat(day).contains("Featured");
        assertThat(day.indexOf("2608.20335")).isLessThan(day.indexOf(PAPER));

        String log = root.get("/admin/audit").body();
        assertThat(log).contains("showed again").contains("featured").contains("curator@example.org");
        assertThat(log.indexOf("<td>featured</td>")).isLessThan(log.indexOf("<td>showed again</td>")); // newest first
        assertThat(log.indexOf("<td>showed again</td>")).isLessThan(log.indexOf("<td>hid</td>"));
    }

    @Test
    void bad_actions_and_unknown_papers_are_refused() {
        Visitor root = instance.signedIn("root@example.org");
        assertThat(root.post("/admin/papers/" + PAPER, fields("action", "delete-everything")).statusCode()).isEqualTo(400);
        assertThat(root.post("/admin/papers/not-an-id", fields("action", "hide")).statusCode()).isEqualTo(400);
        assertThat(root.post("/admin/papers/2608.99999", fields("action", "hide")).statusCode()).isEqualTo(404);
        assertThat(root.post("/admin/papers/" + PAPER, fields("action", "hide", "reason", "x".repeat(501))).statusCode()).isEqualTo(400);
        HttpResponse<String> notSubmitted = root.post("/admin/papers/" + PAPER, fields("action", "remove-submission"));
        assertThat(notSubmitted.statusCode()).isEqualTo(404);
        assertThat(notSubmitted.body()).contains("was not submitted here");
        assertThat(root.get("/admin/audit").body()).contains("No actions yet");
    }

    @Test
    void removing_a_submission_takes_it_and_its_votes_off_the_feed() {
        // A paper put on the feed here: saved as a submission would be (the arXiv side is SubmissionTest's).
        var ada = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
        String id = "2608.18580";
        markSubmitted(id, ada.id()); // the fixture paper stands in for one submitted here
        instance.app().upvotes().vote(ada, new ArxivId(id), true);

        var feedDay = java.time.LocalDate.parse("2026-08-21");
        var onFeedDay = org.dailypapers.search.SearchRequest.of("FACET terminal task synthesis", 5).withDays(feedDay, feedDay);
        assertThat(searchIds(onFeedDay)).contains(id);

        Visitor root = instance.signedIn("root@example.org");
        assertThat(root.get("/papers/" + id + "/tools").body()).contains("Remove the submission");
        assertThat(root.post("/admin/papers/" + id, fields("action", "remove-submission", "reason", "duplicate")).statusCode()).isEqualTo(303);
        assertThat(instance.app().papers().find(new ArxivId(id)).orElseThrow().entry()).isNull();
        assertThat(instance.app().upvotes().localVotes(new ArxivId(id))).isZero();
        assertThat(instance.get("/papers/date/2026-08-21").body()).doesNotContain("/papers/" + id + "\"");
        assertThat(root.get("/admin/audit").body()).contains("removed the submission of").contains("duplicate");
        // the search index follows at once: off the feed, the paper is dated by its publication (2026-08-19)
        assertThat(searchIds(onFeedDay)).doesNotContain(id);
        var published = java.time.LocalDate.parse("2026-08-19");
        assertThat(searchIds(onFeedDay.withDays(published, published))).contains(id);
    }

    private List<String> searchIds(org.dailypapers.search.SearchRequest request) {
        return instance.app().search().search(request).stream().map(org.dailypapers.search.ScoredPaper::id).toList();
    }

    private void markSubmitted(String arxivId, String accountId) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("papers.db"));
                var s = c.prepareStatement("INSERT INTO submission (arxiv_id, account_id, submitted_at) VALUES (?, ?, 0)")) {
            s.setString(1, arxivId);
            s.setString(2, accountId);
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_hidden_paper_is_left_out_of_search_the_search_api_profiles_and_digest_topics() {
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.htmx("/papers/" + PAPER + "/upvote", fields("up", "true")).statusCode()).isEqualTo(200);
        String profile = "/users/" + instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account().handle();
        assertThat(instance.get("/search?q=EnvHarness").body()).contains("/papers/" + PAPER);
        assertThat(instance.get("/api/papers/search?q=EnvHarness").body()).contains(PAPER);
        assertThat(instance.get(profile).body()).contains("/papers/" + PAPER);

        assertThat(instance.signedIn("root@example.org").post("/admin/papers/" + PAPER, fields("action", "hide")).statusCode()).isEqualTo(303);

        assertThat(instance.get("/search?q=EnvHarness").body()).doesNotContain("/papers/" + PAPER);
        assertThat(instance.get("/api/papers/search?q=EnvHarness").body()).doesNotContain(PAPER);
        assertThat(instance.get(profile).body()).doesNotContain("/papers/" + PAPER);
        assertThat(instance.get("/users/taesiri").body()).doesNotContain("/papers/" + PAPER);
        // Digest topic sections are this search over the digest's days (DigestBuilder.topicMatches).
        java.time.LocalDate day = java.time.LocalDate.parse("2026-08-21");
        var digestTopic = new org.dailypapers.search.SearchRequest("EnvHarness environments", day, day, null, null, null, 10);
        assertThat(instance.app().search().search(digestTopic)).isNotEmpty()
                .extracting(org.dailypapers.search.ScoredPaper::id).doesNotContain(PAPER);
        // Showing it again brings it back.
        assertThat(instance.signedIn("root@example.org").post("/admin/papers/" + PAPER, fields("action", "show")).statusCode()).isEqualTo(303);
        assertThat(instance.get("/api/papers/search?q=EnvHarness").body()).contains(PAPER);
    }
}
