package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.foryou.SignalKind;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /for-you} over real HTTP on SQLite and PostgreSQL: the first visit, topics, "not interested", follows,
 * click-throughs from search, the remembered blend, refusals, and nothing personal in shared caches.
 */
class ForYouWebTest {
    @TempDir
    Path dir;

    private static final String TOP = "2608.19880"; // 163 upvotes, the feed's first

    @Test
    void signals_follows_and_the_first_visit_on_sqlite() {
        try (TestInstance instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_EMBED", "false"),
                "hf/2026-08-20.json", "hf/2026-08-21.json").start()) {
            scenario(instance, "jdbc:sqlite:" + dir.resolve("papers.db"));
        }
    }

    @Test
    void signals_follows_and_the_first_visit_on_postgresql() throws Exception {
        TestPostgres.requireServer();
        String url = TestPostgres.freshDatabase();
        try (TestInstance instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_EMBED", "false",
                "DAILYPAPERS_DB_URL", url), "hf/2026-08-20.json", "hf/2026-08-21.json").start()) {
            scenario(instance, url);
        }
    }

    @Test
    void signed_out_visitors_are_sent_to_sign_in_and_come_back_to_for_you() {
        try (TestInstance instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_EMBED", "false"), "hf/2026-08-21.json").start()) {
            HttpResponse<String> signedOut = instance.get("/for-you");
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("Location")).hasValue("/signin?next=%2Ffor-you");
            assertThat(signedOut.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertThat(instance.get("/for-you?period=day").headers().firstValue("Location")).hasValue("/signin?next=%2Ffor-you%3Fperiod%3Dday");
            assertThat(instance.get("/signin?next=%2Ffor-you").body()).contains("name=\"next\" value=\"/for-you\"");
        }
    }

    @Test
    void for_you_in_the_digest_without_a_digest_subscription_says_one_is_needed_and_links_to_it() {
        try (TestInstance instance = TestInstance.withEnv(dir, Map.of("DAILYPAPERS_EMBED", "false"), "hf/2026-08-21.json").start()) {
            Visitor ada = instance.signedIn("ada@example.org");
            assertThat(ada.get("/for-you").body()).doesNotContain("id=\"digest-need\"");

            HttpResponse<String> saved = ada.post("/for-you/settings", fields("blend", "30", "digest", "on", "period", "day"));
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.headers().firstValue("Location")).as("back at the note, on a phone too").hasValue("/for-you?period=day#digest-need");
            String page = ada.get("/for-you").body();
            assertThat(page).contains("id=\"digest-need\"").contains("ada@example.org</strong>, and that address has no digest subscription yet")
                    .contains("<a href=\"/digest\">subscribe to the digest</a>")
                    .containsPattern("name=\"digest\" checked\\s+aria-describedby=\"digest-need\"");
            Account account = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
            assertThat(instance.app().forYou().settings(account).inDigest()).as("the setting is kept").isTrue();

            // subscribed but not confirmed: the page says what is left to do
            Visitor anyone = new Visitor(instance::url);
            assertThat(anyone.post("/digest/subscribe", fields("email", "ada@example.org", "period", "daily")).statusCode()).isEqualTo(200);
            assertThat(ada.get("/for-you").body()).contains("whose subscription is not confirmed yet");
            java.util.regex.Matcher confirm = java.util.regex.Pattern.compile("/digest/confirm\\?token=[A-Za-z0-9_.-]+")
                    .matcher(instance.app().outbox().newest(1).getFirst().text());
            assertThat(confirm.find()).isTrue();
            assertThat(anyone.post("/digest/confirm", fields("token", confirm.group().substring(confirm.group().indexOf('=') + 1))).statusCode())
                    .isEqualTo(200);
            assertThat(ada.get("/for-you").body()).doesNotContain("id=\"digest-need\"");
            assertThat(ada.post("/for-you/settings", fields("blend", "30", "digest", "on")).headers().firstValue("Location")).hasValue("/for-you");
            // with the setting off, nothing to say either
            ada.post("/for-you/settings", fields("blend", "30"));
            assertThat(ada.get("/for-you").body()).doesNotContain("id=\"digest-need\"");
        }
    }

    /** @param jdbcUrl the instance's database, for the account deletion's transaction */
    private static void scenario(TestInstance instance, String jdbcUrl) {
        assertThat(instance.get("/for-you").headers().firstValue("Location")).hasValue("/signin?next=%2Ffor-you");

        Visitor ada = instance.signedIn("ada@example.org");
        HttpResponse<String> first = ada.get("/for-you");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(first.body()).contains("Tell us what you like").contains("/papers/" + TOP);

        // Forms need the session's token; bad input is refused with a reason.
        assertThat(ada.postRaw("/for-you/start", fields("topics", "agents"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(ada.post("/for-you/start", fields("topics", "")).statusCode()).isEqualTo(400);
        assertThat(ada.post("/for-you/start", fields("category", "not a category!")).statusCode()).isEqualTo(400);
        assertThat(ada.post("/for-you/signal", fields("paper", TOP, "kind", "love")).statusCode()).isEqualTo(400);
        assertThat(ada.post("/for-you/signal", fields("paper", "../etc/passwd", "kind", "more")).statusCode()).isEqualTo(400);
        assertThat(ada.post("/for-you/settings", fields("blend", "abc")).statusCode()).isEqualTo(400);
        assertThat(ada.post("/for-you/settings", fields("blend", "101")).statusCode()).isEqualTo(400);
        assertThat(ada.get("/for-you?period=year").statusCode()).isEqualTo(400);

        // The first visit's answer: topics, one of them hostile text.
        HttpResponse<String> started = ada.post("/for-you/start", fields("topics", "coding agents\n<script>alert(1)</script>"));
        assertThat(started.statusCode()).isEqualTo(303);
        String page = ada.get("/for-you").body();
        assertThat(page).doesNotContain("Tell us what you like").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("topic: coding agents");

        // "Not interested" (htmx): the answer replaces the card; the paper is gone from the list afterwards.
        HttpResponse<String> less = ada.htmx("/for-you/signal", fields("paper", TOP, "kind", "less"));
        assertThat(less.statusCode()).isEqualTo(200);
        assertThat(less.body()).contains("Not interested: hidden").contains("role=\"status\"");
        assertThat(ada.get("/for-you").body()).doesNotContain("href=\"/papers/" + TOP + "\"");
        // ... and undo brings it back
        ada.htmx("/for-you/signal", fields("paper", TOP, "kind", "undo"));
        assertThat(ada.get("/for-you").body()).contains("href=\"/papers/" + TOP + "\"");
        ada.htmx("/for-you/signal", fields("paper", TOP, "kind", "less"));

        // Following an author puts their paper first, with the reason on its card.
        assertThat(ada.post("/for-you/follow", fields("kind", "author", "value", "Kou Shi", "next", "//evil.example")).headers()
                .firstValue("Location")).hasValue("/for-you");
        assertThat(ada.post("/for-you/follow", fields("kind", "author", "value", "Kou Shi", "next", "/search?q=中文")).headers()
                .firstValue("Location")).hasValue("/search?q=%E4%B8%AD%E6%96%87");
        page = ada.get("/for-you?period=week").body();
        assertThat(page).contains("from an author you follow: Kou Shi");
        assertThat(page.indexOf("/papers/2608.18580")).isLessThan(page.indexOf("/papers/2608.20335"));
        assertThat(ada.get("/for-you/follow?kind=author&value=Kou%20Shi").body()).contains("Following");
        assertThat(instance.get("/for-you/follow?kind=author&value=Kou%20Shi").body()).contains("Sign in to follow");

        // Everyone's end of the blend is the crowd's order (the hidden paper stays hidden), and it is remembered.
        assertThat(ada.post("/for-you/settings", fields("blend", "100", "period", "week")).statusCode()).isEqualTo(303);
        page = ada.get("/for-you?period=day").body();
        assertThat(page).contains("value=\"100\"");
        assertThat(page.indexOf("/papers/2608.18580")).isLessThan(page.indexOf("/papers/2608.20335"));

        // A click-through from search (the search page's beacon) is recorded.
        assertThat(ada.post("/for-you/opened", fields("paper", "2608.20335")).statusCode()).isEqualTo(204);
        Account account = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
        assertThat(instance.app().forYou().signals(account)).containsEntry("2608.20335", SignalKind.OPENED)
                .containsEntry(TOP, SignalKind.LESS);
        assertThat(instance.app().forYou().ranked(account, FeedPeriod.day(java.time.LocalDate.parse("2026-08-21"))))
                .extracting(fp -> fp.paper().id().value()).doesNotContain(TOP).contains("2608.18580");

        // Nothing personal reaches the shared pages, and another person starts afresh.
        assertThat(ada.get("/papers/date/2026-08-21").body()).doesNotContain("Kou Shi, which").doesNotContain("you follow");
        Visitor bob = instance.signedIn("bob@example.org");
        assertThat(bob.get("/for-you").body()).contains("Tell us what you like").doesNotContain("topic: coding agents");
        assertThat(bob.post("/for-you/follow", fields("kind", "author", "value", "x".repeat(201))).statusCode()).isEqualTo(400);

        // The personal data: exported, then erased.
        org.dailypapers.account.PersonalData data = instance.app().forYouData();
        assertThat(data.export(account.id()).toString()).contains("Kou Shi").contains("coding agents").contains("less");
        org.jdbi.v3.core.Jdbi.create(jdbcUrl).useTransaction(h -> data.erase(h, account.id()));
        assertThat(data.export(account.id()).toString()).doesNotContain("Kou Shi").doesNotContain(TOP);
        assertThat(ada.get("/for-you").body()).contains("Tell us what you like");
    }
}
