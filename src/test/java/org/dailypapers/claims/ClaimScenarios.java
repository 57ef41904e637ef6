package org.dailypapers.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.store.Database;
import org.dailypapers.testing.Visitor;

/**
 * Authorship claims and the account's data over real HTTP, written once and run on SQLite ({@link ClaimsWebTest})
 * and PostgreSQL ({@link ClaimsPostgresTest}). The instance holds the fixture {@code hf/2026-08-21.json} and has
 * {@link #ADMIN} as its administrator.
 */
final class ClaimScenarios {
    static final String ADMIN = "root@example.org";
    /** Its first author is Kou Shi (the name the cards show), then Zun Wang. */
    static final String PAPER = "2608.18580";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimScenarios() {}

    static Map<String, String> env(String databaseUrl) {
        return databaseUrl == null ? Map.of("DAILYPAPERS_ADMINS", ADMIN)
                : Map.of("DAILYPAPERS_ADMINS", ADMIN, "DAILYPAPERS_DB_URL", databaseUrl);
    }

    static String handleOf(TestInstance instance, String email) {
        return instance.app().accounts().openSession(EmailAddress.parse(email)).session().account().handle();
    }

    /** The id of the visitor's claim on the paper, read from the paper page's claim box. */
    static String claimId(Visitor visitor, String paper) {
        String box = visitor.get("/papers/" + paper + "/claim").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/claims/([0-9a-f]{32})/withdraw").matcher(box);
        assertThat(m.find()).as("a withdraw form in %s", box).isTrue();
        return m.group(1);
    }

    /** Claim, refuse the wrong people, accept, see the name linked on every page (cached ones too), withdraw. */
    static void claim_accept_link_and_withdraw(TestInstance instance) {
        Visitor ada = instance.signedIn("ada@example.org");
        String handle = handleOf(instance, "ada@example.org");
        String feedDay = "/papers/date/2026-08-21";
        assertThat(instance.get(feedDay).body()).doesNotContain("/users/" + handle); // now cached, without the link

        assertThat(instance.get("/papers/" + PAPER + "/claim").body()).contains("Sign in</a> to claim this paper");
        String box = ada.get("/papers/" + PAPER + "/claim").body();
        assertThat(box).contains("Which of the authors are you?").contains("<option value=\"Kou Shi\">")
                .contains("<option value=\"Zun Wang\">");
        assertThat(ada.get("/papers/" + PAPER + "/claim").headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> claimed = ada.post("/papers/" + PAPER + "/claim", fields("author", "Kou Shi"));
        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(claimed.headers().firstValue("Location")).hasValue("/papers/" + PAPER + "#claim");
        assertThat(ada.get("/papers/" + PAPER + "/claim").body()).contains("Your claim to be <strong>Kou Shi</strong> is waiting");
        String id = claimId(ada, PAPER);
        // Pending: nothing public changes.
        assertThat(instance.get("/papers/" + PAPER).body()).doesNotContain("/users/" + handle);

        // Only an administrator decides; the claimant cannot accept their own claim.
        assertThat(ada.post("/admin/claims/" + id + "/accept", fields()).statusCode()).isEqualTo(403);
        assertThat(ada.get("/admin/claims").statusCode()).isEqualTo(403);
        Visitor bob = instance.signedIn("bob@example.org");
        assertThat(bob.post("/admin/claims/" + id + "/accept", fields()).statusCode()).isEqualTo(403);
        // Someone else's claim cannot be withdrawn by its id: 404, as for an id that does not exist.
        assertThat(bob.post("/claims/" + id + "/withdraw", fields("next", "/account")).statusCode()).isEqualTo(404);

        Visitor root = instance.signedIn(ADMIN);
        String queue = root.get("/admin/claims").body();
        assertThat(queue).contains("Waiting (1)").contains("&#64;" + handle).contains("<strong>Kou Shi</strong>");
        assertThat(root.post("/admin/claims/" + id + "/accept", fields()).statusCode()).isEqualTo(303);
        assertThat(root.post("/admin/claims/" + id + "/accept", fields()).statusCode()).isEqualTo(400); // decided already
        assertThat(root.get("/admin/audit").body()).contains("accepted an authorship claim on").contains("claimed by @" + handle);
        assertThat(root.get("/admin/claims").body()).contains("Waiting (0)").contains("Accepted");

        // The name links to the profile everywhere: paper page, cards (the feed page was cached before), author page.
        String link = "<a class=\"claimed-author\" href=\"/users/" + handle + "\"";
        assertThat(instance.get("/papers/" + PAPER).body()).contains(link + " title=\"Kou Shi on Daily Papers: &#64;" + handle + "\">Kou Shi");
        assertThat(instance.get(feedDay).body()).contains(link);
        assertThat(instance.get("/authors/Kou%20Shi").body()).contains("Claimed by <a href=\"/users/" + handle + "\">&#64;" + handle + "</a>");
        assertThat(instance.get("/papers/" + PAPER).body()).contains("<a href=\"/authors/Zun%20Wang\">Zun Wang</a>");
        String profile = instance.get("/users/" + handle).body();
        assertThat(profile).contains("Papers (1)").contains("/papers/" + PAPER).contains("Submitted (0)").contains("Upvoted (0)");
        assertThat(ada.get("/papers/" + PAPER + "/claim").body()).contains("You are <strong>Kou Shi</strong> on this paper");

        // Nobody else can claim the name now.
        HttpResponse<String> taken = bob.post("/papers/" + PAPER + "/claim", fields("author", "Kou Shi"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("already claimed by someone else");

        HttpResponse<String> withdrawn = ada.post("/claims/" + id + "/withdraw", fields("next", "/account"));
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.headers().firstValue("Location")).hasValue("/account");
        assertThat(instance.get("/papers/" + PAPER).body()).doesNotContain("/users/" + handle);
        assertThat(instance.get(feedDay).body()).doesNotContain("/users/" + handle);
        assertThat(instance.get("/users/" + handle).body()).contains("Papers (0)");
        assertThat(ada.post("/claims/" + id + "/withdraw", fields("next", "/account")).statusCode()).isEqualTo(404);
    }

    /** A rejection says why; hostile or wrong input is refused with a clear message and changes nothing. */
    static void reject_with_reason_and_refuse_bad_input(TestInstance instance) {
        Visitor ada = instance.signedIn("ada@example.org");
        HttpResponse<String> stranger = ada.post("/papers/" + PAPER + "/claim", fields("author", "<script>alert(1)</script>"));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("is not among the authors of " + PAPER).doesNotContain("<script>alert(1)");
        assertThat(ada.post("/papers/" + PAPER + "/claim", fields()).body()).contains("choose which of the paper's authors you are");
        assertThat(ada.postRaw("/papers/" + PAPER + "/claim", Map.of("author", "Zun Wang"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(ada.post("/papers/" + PAPER + "/claim", fields("_csrf", "forged", "author", "Zun Wang")).statusCode()).isEqualTo(403);
        assertThat(ada.post("/papers/2608.00000/claim", fields("author", "Zun Wang")).statusCode()).isEqualTo(404);
        assertThat(ada.post("/papers/not-an-id/claim", fields("author", "Zun Wang")).statusCode()).isEqualTo(400);
        assertThat(new Visitor(instance::url).post("/papers/" + PAPER + "/claim", fields("author", "Zun Wang")).statusCode())
                .isIn(401, 403);
        assertThat(instance.get("/papers/" + PAPER + "/claim").body()).doesNotContain("waiting");

        // Names match ignoring case and repeated spaces, and are stored as the paper spells them.
        assertThat(ada.post("/papers/" + PAPER + "/claim", fields("author", "  zun   WANG ")).statusCode()).isEqualTo(303);
        assertThat(ada.post("/papers/" + PAPER + "/claim", fields("author", "Kou Shi")).body()).contains("You have already claimed " + PAPER);
        String id = claimId(ada, PAPER);

        Visitor root = instance.signedIn(ADMIN);
        assertThat(root.post("/admin/claims/" + id + "/reject", fields("reason", "  ")).statusCode()).isEqualTo(400);
        assertThat(root.post("/admin/claims/" + id + "/reject", fields("reason", "x".repeat(501))).statusCode()).isEqualTo(400);
        assertThat(root.post("/admin/claims/nope/reject", fields("reason", "no")).statusCode()).isEqualTo(404);
        assertThat(root.post("/admin/claims/" + id + "/reject", fields("reason", "The <b>affiliation</b> does not match")).statusCode())
                .isEqualTo(303);
        assertThat(root.get("/admin/audit").body()).contains("rejected an authorship claim on");

        String box = ada.get("/papers/" + PAPER + "/claim").body();
        assertThat(box).contains("was rejected: The &lt;b&gt;affiliation&lt;/b&gt; does not match").contains("Claim again");
        assertThat(ada.get("/account/yours").body()).contains("rejected: The &lt;b&gt;affiliation&lt;/b&gt; does not match");
        assertThat(instance.get("/papers/" + PAPER).body()).doesNotContain("claimed-author");
        // Claiming again replaces the rejected claim.
        assertThat(ada.post("/papers/" + PAPER + "/claim", fields("author", "Zun Wang")).statusCode()).isEqualTo(303);
        assertThat(ada.get("/papers/" + PAPER + "/claim").body()).contains("is waiting for an administrator");
    }

    /**
     * The export holds the account, votes, submissions, claims, digest settings and sign-in data, nothing secret;
     * deleting the account erases all of it in one go, with every shown count exact and submitted papers kept.
     */
    static void export_then_delete_with_exact_counts(TestInstance instance) throws Exception {
        Visitor ada = instance.signedIn("ada@example.org");
        Visitor bob = instance.signedIn("bob@example.org");
        String handle = handleOf(instance, "ada@example.org");
        String voted = "2608.19880";
        ArxivId votedId = new ArxivId(voted);
        int before = shown(instance, voted);
        ada.htmx("/papers/" + voted + "/upvote", fields("up", "true"));
        bob.htmx("/papers/" + voted + "/upvote", fields("up", "true"));
        ada.htmx("/papers/" + PAPER + "/upvote", fields("up", "true"));
        assertThat(shown(instance, voted)).isEqualTo(before + 2);
        ada.post("/papers/" + PAPER + "/claim", fields("author", "Kou Shi"));
        instance.signedIn(ADMIN).post("/admin/claims/" + claimId(ada, PAPER) + "/accept", fields());
        instance.app().digests().subscribe("ada@example.org", "weekly", "retrieval augmented generation", "127.0.0.1",
                URI.create("http://localhost/"));
        // A paper submitted here by ada (as Submissions records one), so that deletion must keep it and drop her name.
        String submitted = "2608.20335";
        try (Database db = Database.open(instance.app().config().database())) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO submission (arxiv_id, account_id, submitted_at) SELECT ?, id, 1755800000000 FROM account WHERE handle = ?",
                        submitted, handle);
                h.execute("UPDATE feed_entry SET submitted_by = ? WHERE arxiv_id = ?", handle, submitted);
            });
        }
        instance.app().feed().invalidate();
        assertThat(instance.get("/papers/" + submitted).body()).contains("Submitted by <a href=\"/users/" + handle + "\">");

        assertThat(ada.postRaw("/account/export", Map.of(), Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> export = ada.post("/account/export", fields());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("attachment; filename=\"dailypapers-" + handle + "-").endsWith(".json\""));
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode data = JSON.readTree(export.body());
        assertThat(data.path("format").asText()).isEqualTo("dailypapers-export/1");
        assertThat(data.path("account").path("email").asText()).isEqualTo("ada@example.org");
        assertThat(data.path("account").path("handle").asText()).isEqualTo(handle);
        assertThat(data.path("account").has("createdAt")).isTrue();
        assertThat(data.path("votes").findValuesAsText("paper")).containsExactlyInAnyOrder(voted, PAPER);
        assertThat(data.path("submissions").findValuesAsText("paper")).containsExactly(submitted);
        assertThat(data.path("claims").get(0).path("author").asText()).isEqualTo("Kou Shi");
        assertThat(data.path("claims").get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(data.path("digest").path("subscription").path("period").asText()).isEqualTo("weekly");
        assertThat(data.path("digest").path("subscription").path("topics").get(0).asText()).isEqualTo("retrieval augmented generation");
        assertThat(data.path("signIn").path("sessions").size()).isGreaterThanOrEqualTo(1);
        assertThat(export.body()).doesNotContain(ada.csrf()).doesNotContain("hash").doesNotContain("token");
        // Bob's export holds none of Ada's things.
        assertThat(JSON.readTree(bob.post("/account/export", fields()).body()).path("claims").size()).isZero();

        assertThat(ada.get("/account/delete").body()).contains("Type your handle, <strong>" + handle + "</strong>, to confirm");
        HttpResponse<String> wrong = ada.post("/account/delete", fields("handle", "someone-else"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Nothing was deleted");
        assertThat(ada.postRaw("/account/delete", Map.of("handle", handle), Map.of()).statusCode()).isEqualTo(403);
        assertThat(shown(instance, voted)).isEqualTo(before + 2);

        HttpResponse<String> deleted = ada.post("/account/delete", fields("handle", handle));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/account/deleted");
        assertThat(deleted.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("dp_session=;"));
        assertThat(ada.get("/account/deleted").body()).contains("Your account is deleted");

        // Exact counts: Bob's vote stays, Ada's went; the counter equals the rows.
        assertThat(shown(instance, voted)).isEqualTo(before + 1);
        assertThat(instance.app().upvotes().localVotes(votedId)).isEqualTo(1);
        assertThat(instance.app().upvotes().localVotes(new ArxivId(PAPER))).isZero();
        assertThat(shown(instance, PAPER)).isEqualTo(54);
        // Signed out, gone from every page; the submitted paper stays on the feed without her name.
        assertThat(ada.get("/account").statusCode()).isEqualTo(302);
        assertThat(instance.get("/users/" + handle).statusCode()).isEqualTo(404);
        assertThat(instance.get("/papers/" + PAPER).body()).doesNotContain("/users/" + handle);
        assertThat(instance.get("/papers/date/2026-08-21").body()).doesNotContain("/users/" + handle).contains("/papers/" + submitted);
        assertThat(instance.get("/papers/" + submitted).body()).doesNotContain("Submitted by");
        try (Database db = Database.open(instance.app().config().database())) {
            db.jdbi().useHandle(h -> {
                for (String table : new String[] {"account", "account_session", "upvote", "submission", "authorship_claim"}) {
                    String column = table.equals("account") ? "id" : "account_id";
                    assertThat(h.createQuery("SELECT COUNT(*) FROM " + table + " t JOIN account a ON a.id = t." + column
                            + " WHERE a.handle = :h").bind("h", handle).mapTo(Integer.class).one()).as(table).isZero();
                }
                assertThat(h.createQuery("SELECT COUNT(*) FROM digest_subscription WHERE email = 'ada@example.org'")
                        .mapTo(Integer.class).one()).isZero();
                assertThat(h.createQuery("SELECT COUNT(*) FROM account WHERE email = 'bob@example.org'").mapTo(Integer.class).one()).isOne();
            });
        }
    }

    /** The upvote count a card of the paper shows (imported + local). */
    static int shown(TestInstance instance, String paper) {
        return instance.app().papers().find(new ArxivId(paper)).orElseThrow().entry().upvotes();
    }
}
