package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.syndication.FeedParsers;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every list as RSS, Atom and JSON Feed over real HTTP, read by real parsers; conditional requests; the private feed. */
class FeedsTest {
    private static final Pattern ALTERNATE = Pattern.compile("<link rel=\"alternate\" type=\"([^\"]+)\" title=\"[^\"]*\" href=\"([^\"]+)\">");
    private static final String HOSTILE_TITLE = "<script>alert(\"title\")</script> Attention <b>is</b> all";

    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf", "bad/2026-08-24.json").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    /** A list page and a paper its feeds must hold. */
    record Case(String page, String paper) {}

    @Test
    void every_list_page_advertises_three_feeds_that_real_parsers_read() {
        List<Case> cases = List.of(
                new Case("/", "2608.19880"),
                new Case("/papers/date/2026-08-21", "2608.19880"),
                new Case("/papers/week/2026-W34", "2608.19880"),
                new Case("/papers/month/2026-08", "2608.19880"),
                new Case("/papers/trending", "2608.19880"),
                new Case("/organizations/google", "2608.19880"),
                new Case("/authors/Chengsong%20Huang", "2608.19880"),
                new Case("/users/taesiri", "2608.19880"),
                new Case("/search?q=EnvHarness", "2608.19880"),
                new Case("/search?q=agents&org=google&code=yes", "2608.19880"));
        for (Case c : cases) {
            String html = instance.get(c.page()).body();
            Map<String, String> feeds = alternates(html);
            assertThat(feeds).as(c.page()).containsOnlyKeys("application/rss+xml", "application/atom+xml", "application/feed+json");
            assertThat(html).as("the visible Feeds menu of " + c.page()).contains("<details class=\"feeds-menu\">")
                    .contains("href=\"" + feeds.get("application/rss+xml").replace("&amp;", "&amp;") + "\"");
            String paperUrl = instance.url("/papers/" + c.paper());

            HttpResponse<String> rss = instance.get(unescape(feeds.get("application/rss+xml")));
            assertThat(rss.statusCode()).as(c.page()).isEqualTo(200);
            assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
            assertThat(FeedParsers.rss(rss.body()).getItems()).as(c.page()).extracting(Item::getLink).contains(paperUrl);

            HttpResponse<String> atom = instance.get(unescape(feeds.get("application/atom+xml")));
            assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(FeedParsers.atom(atom.body()).getEntries()).as(c.page()).extracting(Entry::getId).contains(paperUrl);

            HttpResponse<String> json = instance.get(unescape(feeds.get("application/feed+json")));
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/feed+json; charset=utf-8");
            List<String> ids = new ArrayList<>();
            FeedParsers.jsonFeed(json.body()).get("items").forEach(item -> ids.add(item.get("id").asText()));
            assertThat(ids).as(c.page()).contains(paperUrl);
        }
    }

    @Test
    void the_addresses_readers_subscribed_to_still_work() {
        assertThat(FeedParsers.rss(instance.get("/rss").body()).getItems()).hasSize(15 + 17 + 2);
        assertThat(FeedParsers.rss(instance.get("/papers/date/2026-08-21/rss").body()).getItems()).hasSize(17);
    }

    @Test
    void a_saved_search_takes_author_code_and_minimum_upvotes() {
        String base = "/search/feed.json?author=Chengsong%20Huang&code=yes";
        assertThat(itemIds(base + "&min_upvotes=100")).containsExactly(instance.url("/papers/2608.19880"));
        assertThat(itemIds(base + "&min_upvotes=1000")).isEmpty();
        JsonNode feed = FeedParsers.jsonFeed(instance.get(base).body());
        assertThat(feed.get("title").asText()).isEqualTo("Daily Papers search: by Chengsong Huang with code");
        List<String> lowUpvotes = itemIds("/search/feed.json?q=agent&min_upvotes=50");
        assertThat(lowUpvotes).isNotEmpty();
        for (JsonNode item : FeedParsers.jsonFeed(instance.get("/search/feed.json?q=agent&min_upvotes=50").body()).get("items")) {
            int upvotes = Integer.parseInt(item.get("content_text").asText().replaceAll("(?s).* · (\\d+) upvotes? · .*", "$1"));
            assertThat(upvotes).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void bad_feed_requests_get_a_clear_error() {
        assertThat(instance.get("/search/rss").statusCode()).isEqualTo(400);
        assertThat(instance.get("/search/rss?q=x&min_upvotes=-1").body()).contains("min_upvotes");
        assertThat(instance.get("/search/atom?q=x&cat=%3Cscript%3E").statusCode()).isEqualTo(400);
        assertThat(instance.get("/search/atom?author=" + "x".repeat(300)).statusCode()).isEqualTo(400);
        assertThat(instance.get("/papers/date/2026-13-45/atom").statusCode()).isEqualTo(400);
        assertThat(instance.get("/organizations/nobody-at-all/rss").statusCode()).isEqualTo(404);
        assertThat(instance.get("/authors/Nobody%20Atall/feed.json").statusCode()).isEqualTo(404);
        assertThat(instance.get("/users/nobody-here/atom").statusCode()).isEqualTo(404);
    }

    @Test
    void hostile_titles_and_abstracts_stay_text_in_every_format() {
        String rss = instance.get("/papers/date/2026-08-24/rss").body();
        Item item = FeedParsers.rss(rss).getItems().stream().filter(i -> i.getLink().endsWith("/2608.90001")).findFirst().orElseThrow();
        assertThat(item.getTitle()).isEqualTo(HOSTILE_TITLE);
        assertThat(item.getDescription().getValue()).doesNotContain("<").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(FeedParsers.elementNames(rss)).doesNotContain("script", "b", "img");
        // the channel's description is HTML too, and a saved search's quotes the query
        String search = instance.get("/search/rss?q=" + java.net.URLEncoder.encode("<img src=x onerror=alert(1)>", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(FeedParsers.rss(search).getDescription()).doesNotContain("<").contains("&lt;img src=x onerror=alert(1)&gt;");

        String atom = instance.get("/papers/date/2026-08-24/atom").body();
        Entry entry = FeedParsers.atom(atom).getEntries().stream().filter(e -> e.getId().endsWith("/2608.90001")).findFirst().orElseThrow();
        assertThat(entry.getTitleEx().getType()).isEqualTo("text");
        assertThat(entry.getTitleEx().getValue()).isEqualTo(HOSTILE_TITLE);
        assertThat(entry.getSummary().getValue()).startsWith("An abstract with <img src=x onerror=alert(1)> and math $E=mc^2$");
        assertThat(FeedParsers.elementNames(atom)).doesNotContain("script", "b", "img");

        JsonNode json = FeedParsers.jsonFeed(instance.get("/papers/date/2026-08-24/feed.json").body());
        JsonNode first = json.get("items").get(0).get("id").asText().endsWith("/2608.90001") ? json.get("items").get(0) : json.get("items").get(1);
        assertThat(first.get("title").asText()).isEqualTo(HOSTILE_TITLE);
        assertThat(first.get("content_html").asText()).doesNotContain("<");
    }

    @Test
    void a_feed_reader_gets_304_by_etag_or_by_date_and_the_full_feed_when_it_changed() {
        HttpResponse<String> first = instance.get("/papers/date/2026-08-21/atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(first.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Host"));

        HttpResponse<String> byTag = get("/papers/date/2026-08-21/atom", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/papers/date/2026-08-21/atom", "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get("/papers/date/2026-08-21/atom", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        HttpResponse<String> byDate = get("/papers/date/2026-08-21/atom", "If-Modified-Since", lastModified);
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(byDate.headers().firstValue("Last-Modified")).hasValue(lastModified);
        assertThat(get("/papers/date/2026-08-21/atom", "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(get("/papers/date/2026-08-21/atom", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        assertThat(get("/papers/date/2026-08-21/atom", "If-Modified-Since", "Thu, 01 Jan 2099 00:00:00 GMT").statusCode())
                .as("a date in the future is invalid").isEqualTo(200);

        // a vote reorders the day: new bytes, a new ETag, and a date after the one the reader holds
        Visitor voter = instance.signedIn("voter@example.org");
        voter.htmx("/papers/2608.19854/upvote", fields("up", "true"));
        HttpResponse<String> changed = get("/papers/date/2026-08-21/atom", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(get("/papers/date/2026-08-21/atom", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
    }

    @Test
    void a_private_feed_lives_behind_a_secret_that_can_be_replaced_and_revoked() {
        assertThat(instance.get("/account/feed").headers().firstValue("Location")).hasValue("/signin?next=%2Faccount%2Ffeed");
        Visitor ada = instance.signedIn("ada@example.org");
        ada.htmx("/papers/2608.18580/upvote", fields("up", "true"));
        String settings = ada.get("/account/feed").body();
        assertThat(settings).contains("You have no private feed address yet.").contains("for-you ranking");
        assertThat(ada.get("/account").body()).contains("href=\"/account/feed\"");

        HttpResponse<String> made = ada.post("/account/feed", Map.of());
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        String rssUrl = secretUrl(made.body());
        HttpResponse<String> feed = instance.get(rssUrl);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Cache-Control")).hasValue("private, max-age=300");
        assertThat(feed.headers().firstValue("Vary").orElse("")).doesNotContain("Host");
        // the person's for-you ranking of the latest feed week (ForYouRankerTest pins the order)
        var items = FeedParsers.rss(feed.body()).getItems();
        var week = org.dailypapers.feed.FeedPeriod.week(instance.app().feed().latestDay().orElseThrow());
        java.util.regex.Matcher handle = java.util.regex.Pattern.compile("/users/([A-Za-z0-9_.-]+)").matcher(ada.get("/account").body());
        assertThat(handle.find()).isTrue();
        var account = instance.app().accounts().byHandle(handle.group(1)).orElseThrow();
        assertThat(items).extracting(Item::getLink).isNotEmpty().isEqualTo(instance.app().forYou().ranked(account, week).stream()
                .limit(50).map(fp -> instance.url("/papers/" + fp.paper().id().value())).toList());
        assertThat(FeedParsers.atom(instance.get(rssUrl.replace("/rss", "/atom")).body()).getEntries()).hasSize(items.size());
        assertThat(FeedParsers.jsonFeed(instance.get(rssUrl.replace("/rss", "/feed.json")).body()).get("items")).hasSize(items.size());
        assertThat(get(rssUrl, "If-None-Match", feed.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        assertThat(ada.get("/account/feed").body()).contains("You made your private feed address on").doesNotContain(rssUrl);

        String replaced = secretUrl(ada.post("/account/feed", Map.of()).body());
        assertThat(replaced).isNotEqualTo(rssUrl);
        assertThat(instance.get(rssUrl).statusCode()).as("the old address after a new one").isEqualTo(404);
        assertThat(instance.get(replaced).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = ada.post("/account/feed/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(instance.get(replaced).statusCode()).as("a revoked address").isEqualTo(404);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/account/feed?revoked");
        assertThat(ada.get("/account/feed?revoked").body()).contains("Revoked").contains("You have no private feed address yet.");
        assertThat(instance.get("/private/" + "x".repeat(500) + "/rss").statusCode()).isEqualTo(404);
    }

    @Test
    void making_a_private_feed_needs_the_csrf_token_and_a_session() {
        Visitor ada = instance.signedIn("csrf@example.org");
        assertThat(ada.postRaw("/account/feed", Map.of(), Map.of()).statusCode()).isEqualTo(403);
        Visitor stranger = new Visitor(instance::url);
        stranger.get("/signin");
        assertThat(stranger.post("/account/feed", Map.of()).statusCode()).isIn(401, 403);
    }

    @Test
    void the_secret_is_part_of_a_persons_data_exported_without_it_and_erased() {
        Visitor eve = instance.signedIn("eve@example.org");
        String url = secretUrl(eve.post("/account/feed", Map.of()).body());
        org.dailypapers.account.Account account = instance.app().accounts()
                .openSession(org.dailypapers.mail.EmailAddress.parse("eve@example.org")).session().account();
        try (org.dailypapers.store.Database db = org.dailypapers.store.Database.open(instance.app().config().database())) {
            org.dailypapers.syndication.FeedSecretRepository data = new org.dailypapers.syndication.FeedSecretRepository(db);
            assertThat(data.section()).isEqualTo("privateFeed");
            Map<?, ?> export = (Map<?, ?>) data.export(account.id());
            assertThat(export.get("secretUrlExists")).isEqualTo(true);
            assertThat(java.time.Instant.parse((String) export.get("createdAt"))).isBefore(java.time.Instant.now().plusSeconds(1));
            String secret = url.substring("/private/".length(), url.length() - "/rss".length());
            assertThat(export.toString()).doesNotContain(secret).doesNotContain(org.dailypapers.account.Tokens.hash(secret));

            db.jdbi().useTransaction(h -> data.erase(h, account.id()));
            assertThat(instance.get(url).statusCode()).isEqualTo(404);
            assertThat(((Map<?, ?>) data.export(account.id())).get("secretUrlExists")).isEqualTo(false);
        }
    }

    private static String secretUrl(String page) {
        Matcher m = Pattern.compile("class=\"copy-field\"[^>]*>(http://[^<]+/private/[A-Za-z0-9_-]{43}/rss)</textarea>").matcher(page);
        assertThat(m.find()).as("the new address on the page").isTrue();
        return m.group(1).substring(instance.url("").length());
    }

    private static List<String> itemIds(String path) {
        List<String> ids = new ArrayList<>();
        FeedParsers.jsonFeed(instance.get(path).body()).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Map<String, String> alternates(String html) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = ALTERNATE.matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String unescape(String href) {
        return href.replace("&amp;", "&");
    }

    private static HttpResponse<String> get(String path, String header, String value) {
        return new Visitor(instance::url).get(path, Map.of(header, value));
    }
}
