package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.foryou.ForYou;
import org.dailypapers.foryou.SignalKind;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "More like this" and "Not interested" on every card and paper page, papers in one's collections as liked, and
 * clicks on search results as "opened", over real HTTP: the shared (cached) pages stay the same for everyone,
 * the person's state comes from its own route, every post needs the session's CSRF token.
 */
class CardSignalsWebTest {
    @TempDir
    Path dir;

    static final String TOP = "2608.19880"; // the day's first by upvotes
    static final String FACET = "2608.18580";

    TestInstance instance;
    ForYou forYou;

    @BeforeEach
    void open() {
        instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_EMBED", "false"), "hf/2026-08-20.json", "hf/2026-08-21.json")
                .start();
        forYou = instance.app().forYou();
    }

    @AfterEach
    void close() {
        instance.close();
    }

    private Account account(String email) {
        return instance.app().accounts().openSession(EmailAddress.parse(email)).session().account();
    }

    @Test
    void every_list_and_the_paper_page_offer_the_menu_and_stay_the_same_for_everyone() {
        Visitor ada = instance.signedIn("ada@example.org");
        ada.htmx("/papers/" + TOP + "/for-you", fields("kind", "more"));
        for (String path : List.of("/", "/papers/date/2026-08-21", "/papers/trending", "/search?q=agents", "/papers/" + TOP)) {
            String anonymous = instance.get(path).body();
            assertThat(anonymous).as(path).contains("hx-get=\"/papers/" + TOP + "/for-you\"");
            assertThat(ada.get(path).body()).as(path + " is the same signed in").isEqualTo(anonymous);
            assertThat(anonymous).doesNotContain("Noted").doesNotContain("More like this</button>");
        }
        // /for-you has its own buttons under each card: no second menu there.
        assertThat(ada.get("/for-you").body()).doesNotContain("hx-get=\"/papers/" + TOP + "/for-you\"");
    }

    @Test
    void the_menu_says_and_changes_what_the_person_said_about_a_paper() {
        // Signed out: a prompt to sign in that comes back to the page the menu is on.
        HttpResponse<String> out = instance.get("/papers/" + TOP + "/for-you");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(out.body()).contains("Please <a href=\"/signin?next=%2Fpapers%2F" + TOP + "\">sign in</a>")
                .doesNotContain("_csrf");
        Visitor stranger = new Visitor(instance::url);
        stranger.get("/signin"); // an anonymous CSRF token: the refusal is for want of a session
        assertThat(stranger.post("/papers/" + TOP + "/for-you", fields("kind", "more")).statusCode()).isEqualTo(401);

        Visitor ada = instance.signedIn("ada@example.org");
        Account account = account("ada@example.org");
        HttpResponse<String> menu = ada.get("/papers/" + TOP + "/for-you");
        assertThat(menu.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(menu.body()).contains("More like this</button>").contains("Not interested</button>");

        // Without the session's token, with a wrong kind or a bad id: refused, nothing stored.
        assertThat(ada.postRaw("/papers/" + TOP + "/for-you", fields("kind", "more"), Map.of("HX-Request", "true"))
                .statusCode()).isEqualTo(403);
        assertThat(ada.htmx("/papers/" + TOP + "/for-you", fields("kind", "love")).statusCode()).isEqualTo(400);
        assertThat(ada.htmx("/papers/not-an-id/for-you", fields("kind", "more")).statusCode()).isIn(400, 404);
        assertThat(forYou.signals(account)).isEmpty();

        // "More like this": stored, said, and the menu offers to undo it.
        HttpResponse<String> more = ada.htmx("/papers/" + FACET + "/for-you", fields("kind", "more"));
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body()).contains("Noted: you will see more like this.").contains("Undo</button>")
                .contains("role=\"status\"");
        assertThat(forYou.signals(account)).containsEntry(FACET, SignalKind.MORE);
        assertThat(ada.get("/papers/" + FACET + "/for-you").body()).contains("Noted: you will see more like this.");
        // ... which makes her For you page personal
        assertThat(ada.get("/for-you").body()).doesNotContain("Tell us what you like");

        // "Not interested" from a card of a shared page: gone from her For you page, and undo brings it back.
        HttpResponse<String> less = ada.htmx("/papers/" + TOP + "/for-you", fields("kind", "less"));
        assertThat(less.body()).contains("Not interested: it will not be on your For you page");
        assertThat(ada.get("/for-you?period=day").body()).doesNotContain("href=\"/papers/" + TOP + "\"");
        assertThat(ada.htmx("/papers/" + TOP + "/for-you", fields("kind", "undo")).body()).contains("Taken back.")
                .contains("More like this</button>");
        assertThat(forYou.signals(account)).doesNotContainKey(TOP);
        assertThat(ada.get("/for-you?period=day").body()).contains("href=\"/papers/" + TOP + "\"");

        // Without htmx the form goes back to the paper's page (never to another site).
        HttpResponse<String> plain = ada.postRaw("/papers/" + TOP + "/for-you",
                fields("kind", "less", "_csrf", ada.csrf()), Map.of("HX-Current-URL", "https://evil.example/x"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).startsWith("/").doesNotStartWith("//");
        assertThat(forYou.signals(account)).containsEntry(TOP, SignalKind.LESS);

        // A paper picked at the first visit already counts as "more like this": the menu says so, and offers no
        // "More like this" that would replace the pick.
        Visitor cy = instance.signedIn("cy@example.org");
        assertThat(cy.htmx("/for-you/signal", fields("paper", FACET, "kind", "picked")).statusCode()).isLessThan(400);
        assertThat(cy.get("/papers/" + FACET + "/for-you").body()).contains("Noted: you will see more like this.")
                .doesNotContain("More like this</button>");

        // Another person's menu knows nothing of Ada's.
        assertThat(instance.signedIn("bob@example.org").get("/papers/" + TOP + "/for-you").body())
                .doesNotContain("Not interested: it will not").contains("Not interested</button>");
    }

    @Test
    void papers_in_ones_own_collections_count_as_liked() {
        collectionsScenario(instance);
    }

    @Test
    void papers_in_ones_own_collections_count_as_liked_and_the_menu_works_on_postgresql() throws Exception {
        TestPostgres.requireServer();
        try (TestInstance pg = TestInstance.withEnv(dir.resolve("pg"), Map.of("DAILYPAPERS_EMBED", "false",
                "DAILYPAPERS_DB_URL", TestPostgres.freshDatabase()), "hf/2026-08-20.json", "hf/2026-08-21.json").start()) {
            collectionsScenario(pg);
            Visitor ada = pg.signedIn("ada@example.org");
            assertThat(ada.htmx("/papers/" + TOP + "/for-you", fields("kind", "less")).body()).contains("Not interested: it will");
            assertThat(ada.get("/papers/" + TOP + "/for-you").body()).contains("Not interested: it will");
        }
    }

    private static void collectionsScenario(TestInstance instance) {
        Visitor ada = instance.signedIn("ada@example.org");
        Account account = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
        assertThat(ada.get("/for-you?period=day").body()).contains("Tell us what you like");

        // Saved from the Save menu of Yuxin Wang's paper of Aug 20 into a new private collection.
        assertThat(ada.htmx("/papers/2608.17426/collections/new", fields("name", "Benchmarks", "visibility", "private"))
                .statusCode()).isEqualTo(200);
        String page = ada.get("/for-you?period=day").body();
        assertThat(page).doesNotContain("Tell us what you like")
                .contains("by Yuxin Wang, an author of papers you liked");

        // Taken out again: Ada has told us nothing any more.
        String collection = instance.app().collections().ownedBy(account, Optional.of(account)).getFirst().id();
        ada.htmx("/papers/2608.17426/collections", fields("collection", collection, "saved", "false"));
        assertThat(ada.get("/for-you?period=day").body()).contains("Tell us what you like")
                .doesNotContain("an author of papers you liked");
        // Another person's collections are not Ada's signals.
        Visitor bob = instance.signedIn("bob@example.org");
        bob.htmx("/papers/2608.17426/collections/new", fields("name", "Mine", "visibility", "public"));
        assertThat(ada.get("/for-you?period=day").body()).contains("Tell us what you like");
    }

    @Test
    void a_click_on_a_search_result_is_recorded_by_a_post_with_the_token() {
        String search = instance.get("/search?q=agents").body();
        assertThat(search).contains("<div class=\"cards\" data-opened>").doesNotContain("/for-you/opened");

        Visitor ada = instance.signedIn("ada@example.org");
        Account account = account("ada@example.org");
        assertThat(ada.postRaw("/for-you/opened", fields("paper", FACET), Map.of()).statusCode()).isEqualTo(403);
        assertThat(ada.get("/for-you/opened?paper=" + FACET).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(ada.post("/for-you/opened", fields("paper", "https://evil.example")).statusCode()).isEqualTo(400);
        assertThat(forYou.signals(account)).isEmpty();

        HttpResponse<String> opened = ada.post("/for-you/opened", fields("paper", FACET));
        assertThat(opened.statusCode()).isEqualTo(204);
        assertThat(opened.headers().firstValue("Location")).isEmpty();
        assertThat(forYou.signals(account)).containsEntry(FACET, SignalKind.OPENED);
        // An explicit choice is never replaced by a later click.
        ada.htmx("/papers/" + TOP + "/for-you", fields("kind", "less"));
        ada.post("/for-you/opened", fields("paper", TOP));
        assertThat(forYou.signals(account)).containsEntry(TOP, SignalKind.LESS);

        Visitor stranger = new Visitor(instance::url);
        stranger.get("/signin");
        assertThat(stranger.post("/for-you/opened", fields("paper", FACET)).statusCode()).isEqualTo(401);
    }
}
