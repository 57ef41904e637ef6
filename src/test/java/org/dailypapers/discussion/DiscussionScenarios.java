package org.dailypapers.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.curation.Action;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.store.Database;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discussion over real HTTP on a real database (SQLite in {@link DiscussionWebTest}, PostgreSQL in
 * {@link DiscussionPostgresTest}): posting, replying, editing, deleting, upvoting, hiding, limits, CSRF, counts.
 */
abstract class DiscussionScenarios {
    static final String PAPER = "2608.19880"; // Hugging Face gave 1 comment
    static final int IMPORTED = 1;
    static final Pattern COMMENT_ID = Pattern.compile("id=\"comment-([0-9a-f]{24})\"");

    @TempDir
    Path dir;

    TestInstance instance;
    MutableClock clock;
    final ObjectMapper json = new ObjectMapper();

    /** Extra configuration (the database). */
    abstract Map<String, String> env() throws Exception;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-08-22T12:00:00Z"));
        Map<String, String> env = new HashMap<>(env());
        env.put("DAILYPAPERS_ADMINS", "root@example.org");
        instance = TestInstance.withClock(dir, env, clock, "hf/2026-08-21.json").start();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    HttpResponse<String> comment(Visitor v, String text, String parent) {
        return v.htmx("/papers/" + PAPER + "/comments", parent == null ? fields("body", text) : fields("body", text, "parent", parent));
    }

    /** The id of the comment whose text is {@code text}, from the discussion fragment. */
    static String idOf(String fragment, String text) {
        int at = fragment.indexOf(text);
        assertThat(at).as("%s in %s", text, fragment).isPositive();
        Matcher m = COMMENT_ID.matcher(fragment.substring(0, at));
        String id = null;
        while (m.find()) {
            id = m.group(1);
        }
        return id;
    }

    int shownCount() {
        return instance.app().papers().find(new ArxivId(PAPER)).orElseThrow().entry().numComments();
    }

    void assertCountsExact() {
        int[] counts = instance.app().discussion().localCount(new ArxivId(PAPER));
        assertThat(counts[0]).as("local_comments equals the live rows").isEqualTo(counts[1]);
        assertThat(shownCount()).isEqualTo(IMPORTED + counts[1]);
    }

    JsonNode api(String path) throws Exception {
        HttpResponse<String> r = instance.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void a_comment_and_a_reply_show_in_the_discussion_the_counts_and_the_api() throws Exception {
        Visitor ada = instance.signedIn("ada@example.org");
        Visitor bob = instance.signedIn("bob@example.org");
        instance.get("/papers/date/2026-08-21"); // cached before the comments
        HttpResponse<String> posted = comment(ada, "First! Math: $x_i^2$ and **bold**", null);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains("<strong>bold</strong>").contains("$x_i^2$").contains("Comment posted.")
                .contains("id=\"discussion\"");
        String top = idOf(posted.body(), "First!");
        HttpResponse<String> replied = comment(bob, "A reply", top);
        assertThat(replied.statusCode()).isEqualTo(200);
        String reply = idOf(replied.body(), "A reply");

        HttpResponse<String> deeper = comment(ada, "reply to a reply", reply);
        assertThat(deeper.statusCode()).isEqualTo(400);
        assertThat(deeper.body()).contains("one level deep");

        assertThat(shownCount()).isEqualTo(IMPORTED + 2);
        assertCountsExact();
        assertThat(instance.get("/papers/date/2026-08-21").body()).contains("3 comments");
        // the discussion shows 2 and says where the third, counted on the card, is read
        assertThat(instance.get("/papers/" + PAPER + "/discussion").body()).contains("Discussion <span class=\"discussion-count\">(2 comments)")
                .contains("1 comment on <a href=\"https://huggingface.co/papers/" + PAPER + "\" rel=\"noopener\">Hugging Face</a>, not shown here.");
        assertThat(api("/api/papers/" + PAPER).path("numComments").asInt()).isEqualTo(3);
        JsonNode daily = api("/api/daily_papers?date=2026-08-21");
        for (JsonNode item : daily) {
            if (item.path("paper").path("id").asText().equals(PAPER)) {
                assertThat(item.path("numComments").asInt()).isEqualTo(3);
            }
        }
        assertThat(instance.get("/rss").body()).contains("3 comments").contains("<comments>" + instance.url("/papers/" + PAPER) + "#discussion</comments>");

        // Re-importing Hugging Face's entry overwrites its count, never the local one.
        instance.importFixtures("hf/2026-08-21.json");
        instance.importFixtures("hf/2026-08-21.json");
        assertThat(shownCount()).isEqualTo(IMPORTED + 2);

        JsonNode comments = api("/api/papers/" + PAPER + "/comments");
        assertThat(comments).hasSize(2);
        JsonNode first = comments.get(0);
        assertThat(first.path("id").asText()).isEqualTo(top);
        assertThat(first.path("parentId").isNull()).isTrue();
        assertThat(first.path("author").path("handle").asText())
                .isEqualTo(instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account().handle());
        assertThat(first.path("createdAt").asText()).isEqualTo("2026-08-22T12:00:00.000Z");
        assertThat(first.path("edited").asBoolean()).isFalse();
        assertThat(first.path("markdown").asText()).isEqualTo("First! Math: $x_i^2$ and **bold**");
        assertThat(first.path("html").asText()).contains("<strong>bold</strong>");
        assertThat(comments.get(1).path("parentId").asText()).isEqualTo(top);

        String md = instance.app().discussion().markdownOf(new ArxivId(PAPER));
        assertThat(md).contains("> First! Math: $x_i^2$ and **bold**").contains("> > A reply");
        String page = instance.get("/papers/" + PAPER + ".md").body();
        assertThat(page.split("## Discussion", -1)).as("one Discussion heading").hasSize(2);
    }

    @Test
    void hostile_comments_are_made_harmless_on_the_page() {
        Visitor ada = instance.signedIn("ada@example.org");
        HttpResponse<String> r = comment(ada, "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String page = instance.get("/papers/" + PAPER + "/discussion").body();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("href=\"javascript:").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        // the Markdown of the paper (read_paper) carries no raw HTML either, from the comment or from a name; code keeps its <
        instance.app().accounts().setDisplayName(
                instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account(), "Ada <b>Bold</b>");
        comment(ada, "In code: `List<String>` and <https://arxiv.org/abs/2608.19880>", null);
        String md = instance.get("/papers/" + PAPER + ".md").body();
        assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("</script").doesNotContain("<b>")
                .contains("&lt;script>alert(1)&lt;/script>").contains("`List<String>`").contains("<https://arxiv.org/abs/2608.19880>");
    }

    @Test
    void own_comments_can_be_edited_within_fifteen_minutes_and_deleted_others_cannot() throws Exception {
        Visitor ada = instance.signedIn("ada@example.org");
        Visitor bob = instance.signedIn("bob@example.org");
        String id = idOf(comment(ada, "Typo hre", null).body(), "Typo hre");

        assertThat(bob.htmx("/comments/" + id + "/edit", fields("body", "vandalised")).statusCode()).isEqualTo(403);
        assertThat(bob.htmx("/comments/" + id + "/delete", fields()).statusCode()).isEqualTo(403);
        assertThat(ada.htmx("/comments/0123456789abcdef01234567/edit", fields("body", "x")).statusCode()).isEqualTo(404);
        assertThat(ada.htmx("/comments/not-an-id/delete", fields()).statusCode()).isEqualTo(404);

        clock.advance(Duration.ofMinutes(14));
        HttpResponse<String> edited = ada.htmx("/comments/" + id + "/edit", fields("body", "Typo here"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("Typo here").contains(">edited</span>");
        assertThat(api("/api/papers/" + PAPER + "/comments").get(0).path("edited").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> late = ada.htmx("/comments/" + id + "/edit", fields("body", "Too late"));
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("within 15 minutes");

        // A deleted comment with a reply stays as "deleted" above it; without replies it goes.
        String reply = idOf(comment(bob, "Answer", id).body(), "Answer");
        assertThat(ada.htmx("/comments/" + id + "/delete", fields()).statusCode()).isEqualTo(200);
        String page = instance.get("/papers/" + PAPER + "/discussion").body();
        assertThat(page).contains("This comment was deleted.").contains("Answer").doesNotContain("Typo here");
        JsonNode deleted = api("/api/papers/" + PAPER + "/comments").get(0);
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(deleted.path("markdown").isNull()).isTrue();
        assertThat(ada.htmx("/comments/" + id + "/delete", fields()).statusCode()).isEqualTo(404);
        assertCountsExact();

        assertThat(bob.htmx("/comments/" + reply + "/delete", fields()).statusCode()).isEqualTo(200);
        assertThat(instance.get("/papers/" + PAPER + "/discussion").body()).doesNotContain("This comment was deleted.")
                .contains("No comments here yet."); // its Hugging Face comment is counted, not shown
        assertThat(shownCount()).isEqualTo(IMPORTED);
        assertCountsExact();
    }

    @Test
    void the_rate_limit_and_the_size_cap_refuse_with_the_text_kept_in_the_form() {
        Visitor ada = instance.signedIn("ada@example.org");
        for (int i = 0; i < Discussion.RATE_LIMIT; i++) {
            assertThat(comment(ada, "comment " + i, null).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(30));
        }
        HttpResponse<String> refused = comment(ada, "one too many", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("10 comments in the last 10 minutes");
        // Without JavaScript: the discussion page again, the text in the form and the reason beside it.
        HttpResponse<String> plain = ada.post("/papers/" + PAPER + "/comments", fields("body", "kept <text>"));
        assertThat(plain.statusCode()).isEqualTo(429);
        assertThat(plain.body()).contains(">kept &lt;text&gt;</textarea>").contains("10 comments in the last 10 minutes")
                .contains("<h1", "class=\"crumbs\"");
        clock.advance(Duration.ofMinutes(6));
        assertThat(comment(ada, "after the window", null).statusCode()).isEqualTo(200);

        Visitor bob = instance.signedIn("bob@example.org");
        String huge = "x".repeat(Discussion.MAX_CHARS + 1);
        HttpResponse<String> tooLong = bob.post("/papers/" + PAPER + "/comments", fields("body", huge));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 10,000 characters").contains(huge + "</textarea>");
        assertThat(comment(bob, "x".repeat(Discussion.MAX_CHARS), null).statusCode()).isEqualTo(200);
        assertThat(comment(bob, "   ", null).statusCode()).isEqualTo(400);
        assertCountsExact();
    }

    @Test
    void signed_out_visitors_and_posts_without_the_csrf_token_are_refused() {
        Visitor anonymous = new Visitor(instance::url);
        anonymous.get("/signin");
        assertThat(anonymous.htmx("/papers/" + PAPER + "/comments", fields("body", "hi")).statusCode()).isEqualTo(401);
        Visitor ada = instance.signedIn("ada@example.org");
        assertThat(ada.postRaw("/papers/" + PAPER + "/comments", fields("body", "hi"), Map.of("HX-Request", "true")).statusCode()).isEqualTo(403);
        assertThat(ada.postRaw("/papers/" + PAPER + "/comments", fields("body", "hi", "_csrf", "forged"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(ada.htmx("/papers/2608.99999/comments", fields("body", "hi")).statusCode()).isEqualTo(404);
        assertThat(ada.htmx("/papers/nonsense/comments", fields("body", "hi")).statusCode()).isEqualTo(400);
        assertThat(instance.get("/papers/" + PAPER + "/discussion?sort=sideways").statusCode()).isEqualTo(400);
        assertThat(shownCount()).isEqualTo(IMPORTED);
    }

    @Test
    void one_upvote_per_person_and_most_upvoted_first() {
        Visitor ada = instance.signedIn("ada@example.org");
        Visitor bob = instance.signedIn("bob@example.org");
        String older = idOf(comment(ada, "Older comment", null).body(), "Older comment");
        clock.advance(Duration.ofMinutes(1));
        String newer = idOf(comment(ada, "Newer comment", null).body(), "Newer comment");
        for (int i = 0; i < 3; i++) {
            assertThat(bob.htmx("/comments/" + newer + "/upvote", fields("up", "true")).statusCode()).isEqualTo(200);
        }
        assertThat(ada.htmx("/comments/" + newer + "/upvote", fields()).body()).contains("aria-pressed=\"true\"");
        String top = instance.get("/papers/" + PAPER + "/discussion?sort=top").body();
        assertThat(top.indexOf("Newer comment")).isLessThan(top.indexOf("Older comment"));
        assertThat(top).contains("2 upvotes");
        String oldest = instance.get("/papers/" + PAPER + "/discussion").body();
        assertThat(oldest.indexOf("Older comment")).isLessThan(oldest.indexOf("Newer comment"));
        assertThat(bob.htmx("/comments/" + newer + "/upvote", fields("up", "false")).statusCode()).isEqualTo(200);
        assertThat(instance.get("/api/papers/" + PAPER + "/comments").body()).contains("\"upvotes\":1");
        assertThat(bob.htmx("/comments/" + older + "/upvote", fields("up", "maybe")).statusCode()).isEqualTo(400);
    }

    @Test
    void administrators_hide_comments_with_an_audit_entry_and_others_see_hidden_by_a_moderator() throws Exception {
        Visitor ada = instance.signedIn("ada@example.org");
        Visitor root = instance.signedIn("root@example.org");
        String id = idOf(comment(ada, "Spam spam spam", null).body(), "Spam spam spam");
        assertThat(ada.htmx("/admin/comments/" + id, fields("action", "hide")).statusCode()).isEqualTo(403);
        HttpResponse<String> hidden = root.htmx("/admin/comments/" + id, fields("action", "hide", "reason", "spam"));
        assertThat(hidden.statusCode()).isEqualTo(200);
        assertThat(instance.get("/papers/" + PAPER + "/discussion").body())
                .contains("This comment was hidden by a moderator.").doesNotContain("Spam spam spam");
        assertThat(ada.get("/papers/" + PAPER + "/discussion").body()).contains("Spam spam spam").contains("hidden by a moderator");
        JsonNode apiComment = api("/api/papers/" + PAPER + "/comments").get(0);
        assertThat(apiComment.path("hidden").asBoolean()).isTrue();
        assertThat(apiComment.path("markdown").isNull()).isTrue();
        assertThat(apiComment.path("html").isNull()).isTrue();
        assertThat(shownCount()).isEqualTo(IMPORTED);
        assertCountsExact();
        Account admin = instance.app().accounts().openSession(EmailAddress.parse("root@example.org")).session().account();
        var entry = instance.app().curation().auditLog(admin, 5).getFirst();
        assertThat(entry.action()).isEqualTo(Action.HIDE_COMMENT);
        assertThat(entry.arxivId()).isEqualTo(PAPER);
        assertThat(entry.detail()).isEqualTo("comment " + id + ": spam");
        assertThat(root.get("/admin/audit").body()).contains("hid a comment on");

        assertThat(root.htmx("/admin/comments/" + id, fields("action", "show")).statusCode()).isEqualTo(200);
        assertThat(instance.get("/papers/" + PAPER + "/discussion").body()).contains("Spam spam spam");
        assertCountsExact();
    }

    @Test
    void erasing_a_person_leaves_deleted_comments_above_replies_and_exact_counts() throws Exception {
        Visitor ada = instance.signedIn("ada@example.org");
        Visitor bob = instance.signedIn("bob@example.org");
        String adas = idOf(comment(ada, "Ada's thought", null).body(), "Ada's thought");
        String bobs = idOf(comment(bob, "Bob's answer", adas).body(), "Bob's answer");
        ada.htmx("/comments/" + bobs + "/upvote", fields());
        bob.htmx("/comments/" + adas + "/upvote", fields());
        var data = instance.app().discussion().personalData();
        Account adaAccount = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
        String export = json.writeValueAsString(data.export(adaAccount.id()));
        assertThat(data.section()).isEqualTo("comments");
        assertThat(export).contains("Ada's thought").contains(bobs).doesNotContain("Bob's answer");

        // As the account deletion does: inside its one transaction, on the same database.
        try (Database db = Database.open(instance.app().config().database())) {
            db.jdbi().useTransaction(h -> data.erase(h, adaAccount.id()));
        }

        String page = instance.get("/papers/" + PAPER + "/discussion").body();
        assertThat(page).contains("This comment was deleted.").contains("Bob's answer").doesNotContain("Ada's thought");
        JsonNode comments = api("/api/papers/" + PAPER + "/comments");
        assertThat(comments.get(0).path("deleted").asBoolean()).isTrue();
        assertThat(comments.get(1).path("upvotes").asInt()).isZero();
        assertCountsExact();
        assertThat(shownCount()).isEqualTo(IMPORTED + 1);
    }

}
