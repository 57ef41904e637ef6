package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collections over real HTTP: making one, adding, removing, ordering, notes, exports, who may see and change
 * what, hostile text and caps. {@link CollectionPostgresTest} runs the same on PostgreSQL.
 */
class CollectionWebTest {
    static final String A = "2608.19880";
    static final String B = "2608.18580";
    static final String C = "2608.20335";

    @TempDir
    Path dir;

    /** The instance under test: SQLite here. */
    TestInstance instance() throws Exception {
        return TestInstance.withFixtures(dir, "hf/2026-08-21.json");
    }

    @Test
    void the_owner_makes_a_collection_adds_orders_notes_and_removes_papers() throws Exception {
        try (TestInstance instance = instance().start()) {
            Visitor ada = instance.signedIn("ada@example.org");
            HttpResponse<String> made = ada.post("/collections", fields("name", "Agents", "description", "Worth reading", "visibility", "public"));
            assertThat(made.statusCode()).isEqualTo(303);
            String id = idIn(made.headers().firstValue("Location").orElseThrow());
            for (String paper : new String[] {A, B, C}) {
                assertThat(ada.post("/collections/" + id + "/items", fields("paper", paper)).statusCode()).isEqualTo(303);
            }
            assertThat(ada.post("/collections/" + id + "/items/move", fields("paper", C, "direction", "up")).headers().firstValue("Location"))
                    .as("back at the moved paper").hasValue("/collections/" + id + "?done=moved#paper-" + C);
            assertThat(ada.get("/collections/" + id).body()).contains("<li id=\"paper-" + C + "\">");
            ada.post("/collections/" + id + "/items/move", fields("paper", A, "direction", "down"));
            ada.post("/collections/" + id + "/items/note", fields("paper", B, "note", "Section 3 is the point"));
            ada.post("/collections/" + id + "/items/remove", fields("paper", A));

            String page = ada.get("/collections/" + id + "?done=note").body();
            assertThat(page).contains("<h1>Agents</h1>").contains("Worth reading").contains("Note saved.")
                    .contains("Section 3 is the point").contains("2 papers");
            assertThat(page.indexOf("/papers/" + C)).isLessThan(page.indexOf("/papers/" + B));
            assertThat(page).doesNotContain("href=\"/papers/" + A + "\"");

            String json = instance.get("/api/collections/" + id).body();
            assertThat(json).contains("\"name\":\"Agents\"").contains("\"numPapers\":2").contains("\"note\":\"Section 3 is the point\"");
            assertThat(json.indexOf("\"id\":\"" + C + "\"")).isPositive().isLessThan(json.indexOf("\"id\":\"" + B + "\""));

            HttpResponse<String> bib = instance.get("/collections/" + id + ".bib");
            assertThat(bib.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-bibtex");
            assertThat(bib.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo("attachment; filename=\"agents.bib\"");
            assertThat(bib.body()).startsWith("@misc{").contains("eprint={" + C + "}").contains("eprint={" + B + "}")
                    .contains("archivePrefix={arXiv}");
            assertThat(bib.body().indexOf(C)).isLessThan(bib.body().indexOf(B));
            HttpResponse<String> csl = instance.get("/collections/" + id + ".csl.json");
            assertThat(csl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.citationstyles.csl+json");
            assertThat(csl.body()).contains("\"DOI\" : \"10.48550/arXiv." + C + "\"").contains("\"type\" : \"article\"");

            ada.post("/collections/" + id, fields("name", "Agents, renamed", "description", "", "visibility", "private"));
            assertThat(ada.get("/collections/" + id).body()).contains("Agents, renamed").contains("Private");
            assertThat(ada.post("/collections/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
            assertThat(ada.get("/collections/" + id).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_private_collection_is_the_owners_alone_and_others_cannot_change_a_public_one() throws Exception {
        try (TestInstance instance = instance().start()) {
            Visitor ada = instance.signedIn("ada@example.org");
            Visitor bob = instance.signedIn("bob@example.org");
            String secret = idIn(ada.post("/collections", fields("name", "Secret", "visibility", "private")).headers().firstValue("Location").orElseThrow());
            String open = idIn(ada.post("/collections", fields("name", "Open", "visibility", "public")).headers().firstValue("Location").orElseThrow());
            ada.post("/collections/" + secret + "/items", fields("paper", A));

            assertThat(ada.get("/collections/" + secret).statusCode()).isEqualTo(200);
            for (String path : new String[] {"/collections/" + secret, "/collections/" + secret + ".bib",
                    "/collections/" + secret + ".csl.json", "/api/collections/" + secret}) {
                assertThat(bob.get(path).statusCode()).as(path).isEqualTo(404);
                assertThat(instance.get(path).statusCode()).as(path + " signed out").isEqualTo(404);
            }
            assertThat(bob.get("/collections/" + secret).body()).doesNotContain("Secret");
            assertThat(bob.post("/collections/" + secret + "/items", fields("paper", B)).statusCode()).isEqualTo(404);
            assertThat(bob.htmx("/papers/" + B + "/collections", fields("collection", secret, "saved", "true")).statusCode()).isEqualTo(404);

            assertThat(bob.get("/collections/" + open).statusCode()).isEqualTo(200);
            assertThat(bob.get("/collections/" + open).body()).doesNotContain("Move up").doesNotContain("Delete");
            assertThat(bob.post("/collections/" + open + "/items", fields("paper", B)).statusCode()).isEqualTo(403);
            assertThat(bob.post("/collections/" + open, fields("name", "Mine now", "visibility", "public")).statusCode()).isEqualTo(403);
            assertThat(bob.post("/collections/" + open + "/delete", Map.of()).statusCode()).isEqualTo(403);
            assertThat(ada.get("/collections/" + open).body()).contains("<h1>Open</h1>").contains("0 papers");

            String handle = instance.app().accounts().openSession(org.dailypapers.mail.EmailAddress.parse("ada@example.org"))
                    .session().account().handle();
            assertThat(bob.get("/users/" + handle + "/collections").body()).contains("Open").doesNotContain("Secret");
            assertThat(ada.get("/users/" + handle + "/collections").body()).contains("Open").contains("Secret");
            assertThat(instance.get("/api/users/" + handle + "/collections").body()).contains("\"Open\"").doesNotContain("Secret");
            assertThat(ada.get("/collections").body()).contains("Open").contains("Secret");
            assertThat(instance.get("/collections").statusCode()).isEqualTo(302);
        }
    }

    @Test
    void hostile_text_is_escaped_caps_are_refused_with_a_reason_and_posts_need_the_csrf_token() throws Exception {
        try (TestInstance instance = instance().start()) {
            Visitor ada = instance.signedIn("ada@example.org");
            String script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
            String id = idIn(ada.post("/collections", fields("name", script, "description", script, "visibility", "public"))
                    .headers().firstValue("Location").orElseThrow());
            ada.post("/collections/" + id + "/items", fields("paper", A));
            ada.post("/collections/" + id + "/items/note", fields("paper", A, "note", script));
            String page = instance.get("/collections/" + id).body();
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(instance.get("/api/collections/" + id).body()).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
            assertThat(instance.get("/collections/" + id + ".bib").headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("attachment; filename=\"script-alert-1-script-img-src-x-onerror-alert-2.bib\"");

            HttpResponse<String> longName = ada.post("/collections", fields("name", "x".repeat(101)));
            assertThat(longName.statusCode()).isEqualTo(400);
            assertThat(longName.body()).contains("at most 100 characters");
            HttpResponse<String> longNote = ada.post("/collections/" + id + "/items/note", fields("paper", A, "note", "n".repeat(1001)));
            assertThat(longNote.statusCode()).isEqualTo(400);
            assertThat(longNote.body()).contains("at most 1000 characters");
            assertThat(ada.post("/collections", fields("name", "  ")).statusCode()).isEqualTo(400);
            assertThat(ada.post("/collections", fields("name", "x", "visibility", "everyone")).statusCode()).isEqualTo(400);
            assertThat(ada.post("/collections/" + id + "/items", fields("paper", "not-an-id")).statusCode()).isEqualTo(400);
            assertThat(ada.post("/collections/" + id + "/items", fields("paper", "2608.99999")).statusCode()).isEqualTo(404);
            assertThat(ada.post("/collections/" + id + "/items/move", fields("paper", A, "direction", "sideways")).statusCode()).isEqualTo(400);

            HttpResponse<String> noToken = ada.postRaw("/collections", fields("name", "Sneaky"), Map.of());
            assertThat(noToken.statusCode()).isEqualTo(403);
            HttpResponse<String> foreignToken = ada.postRaw("/collections/" + id + "/delete", fields("_csrf", "x".repeat(43)), Map.of());
            assertThat(foreignToken.statusCode()).isEqualTo(403);
            assertThat(instance.get("/collections/" + id).statusCode()).isEqualTo(200);
            assertThat(new Visitor(instance::url).post("/collections", fields("name", "Anonymous")).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void the_save_menu_is_personal_and_fetched_apart_from_the_cached_pages() throws Exception {
        try (TestInstance instance = instance().start()) {
            Visitor ada = instance.signedIn("ada@example.org");
            String id = idIn(ada.post("/collections", fields("name", "Reading list Ada", "visibility", "private"))
                    .headers().firstValue("Location").orElseThrow());

            HttpResponse<String> saved = ada.htmx("/papers/" + A + "/collections", fields("collection", id, "saved", "true"));
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).isEqualTo("Saved to Reading list Ada.");
            String menu = ada.get("/papers/" + A + "/collections").body();
            assertThat(menu).contains("Reading list Ada").containsPattern("type=\"checkbox\"[^>]*checked");
            assertThat(ada.get("/papers/" + B + "/collections").body()).contains("Reading list Ada").doesNotContain("checked");
            assertThat(ada.get("/papers/" + A + "/collections").headers().firstValue("Cache-Control")).contains("no-store");

            HttpResponse<String> made = ada.htmx("/papers/" + B + "/collections/new", fields("name", "Made from the menu", "visibility", "public"));
            assertThat(made.body()).contains("Made from the menu").contains("and saved the paper to it.").contains("checked autofocus");
            assertThat(ada.htmx("/papers/" + A + "/collections", fields("collection", id)).body()).isEqualTo("Removed from Reading list Ada.");

            assertThat(instance.get("/papers/" + A + "/collections").body()).contains("sign in").doesNotContain("Reading list");
            // The feed and paper pages are cached for everyone: the same bytes for Ada and for nobody, and no collection in them.
            for (String path : new String[] {"/", "/papers/" + A}) {
                String hers = ada.get(path).body();
                assertThat(hers).doesNotContain("Reading list Ada").doesNotContain("Made from the menu")
                        .contains("hx-get=\"/papers/" + A + "/collections\"");
                assertThat(instance.get(path).body()).isEqualTo(hers);
            }
        }
    }

    @Test
    void a_paper_cites_as_bibtex_and_csl_json_and_its_page_has_cite() throws Exception {
        try (TestInstance instance = instance().start()) {
            HttpResponse<String> bib = instance.get("/papers/" + A + "/cite.bib");
            assertThat(bib.statusCode()).isEqualTo(200);
            assertThat(bib.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/x-bibtex; charset=utf-8");
            assertThat(bib.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"[a-z]+2026[a-z]*\\.bib\"");
            assertThat(bib.body()).contains("title={EnvHarness: Awakening Static Worlds for Agent Learning}").contains("eprint={" + A + "}")
                    .contains("url={https://arxiv.org/abs/" + A + "}");
            HttpResponse<String> csl = instance.get("/papers/" + A + "/cite.json");
            assertThat(csl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.citationstyles.csl+json");
            assertThat(csl.body()).contains("\"archive\" : \"arXiv\"").contains("\"number\" : \"" + A + "\"").contains("\"date-parts\"");
            assertThat(instance.get("/papers/2608.99999/cite.bib").statusCode()).isEqualTo(404);
            assertThat(instance.get("/papers/nonsense/cite.json").statusCode()).isEqualTo(400);

            String page = instance.get("/papers/" + A).body();
            assertThat(page).contains("<summary>Cite</summary>").contains("@misc{").contains("href=\"/papers/" + A + "/cite.bib\"")
                    .contains("Copy BibTeX");
        }
    }

    private static String idIn(String location) {
        Matcher m = Pattern.compile("/collections/([A-Za-z0-9]+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }
}
