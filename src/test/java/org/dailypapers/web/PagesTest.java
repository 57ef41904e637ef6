package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PagesTest {
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

    static List<Integer> upvotes(String html) {
        Matcher m = Pattern.compile("<span class=\"count\">(\\d+)</span>").matcher(html);
        List<Integer> counts = new java.util.ArrayList<>();
        while (m.find()) {
            counts.add(Integer.parseInt(m.group(1)));
        }
        return counts;
    }

    @Test
    void a_day_shows_its_papers_as_cards_most_upvoted_first() {
        HttpResponse<String> response = instance.get("/papers/date/2026-08-21");

        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        List<Integer> votes = upvotes(html);
        assertThat(votes).hasSize(17).isSortedAccordingTo(java.util.Comparator.reverseOrder()).startsWith(163, 54);
        assertThat(html).contains("EnvHarness: Awakening Static Worlds for Agent Learning", "Chengsong Huang</a> and 16 others", "href=\"/authors/Chengsong%20Huang\"",
                "href=\"/papers/2608.19880\"", "Google", "https://github.com/google-research/envharness", "★ 8",
                "Published on arXiv <time datetime=\"2026-08-20\">Aug 20, 2026</time>");
        assertThat(html).contains("rel=\"prev\" href=\"/papers/date/2026-08-20\"");
        assertThat(html).contains("rel=\"next\" href=\"/papers/date/2026-08-24\"");
        assertThat(html).contains("<link rel=\"alternate\" type=\"application/rss+xml\"");
    }

    @Test
    void the_home_page_shows_the_latest_day_with_papers() {
        String html = instance.get("/").body();
        assertThat(html).contains("Monday, August 24, 2026").doesNotContain("rel=\"next\"");
    }

    @Test
    void previous_day_navigation_skips_empty_days() {
        String html = instance.get("/papers/date/2026-08-20").body();
        assertThat(html).contains("rel=\"prev\" href=\"/papers/date/2024-05-28\"");
    }

    @Test
    void week_and_month_views_rank_by_upvotes() {
        String week = instance.get("/papers/week/2026-W34").body();
        assertThat(upvotes(week)).hasSize(15 + 17).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String month = instance.get("/papers/month/2024-05").body();
        assertThat(upvotes(month)).hasSize(28).startsWith(33, 32);
        assertThat(month).contains("May 2024");
    }

    @Test
    void markup_in_titles_and_abstracts_is_shown_as_text() {
        String html = instance.get("/papers/date/2026-08-24").body();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(\"title\")&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        String page = instance.get("/papers/2608.90001").body();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;b&gt;is&lt;/b&gt;");
    }

    @Test
    void the_paper_page_has_everything_and_math_is_left_for_katex() {
        HttpResponse<String> response = instance.get("/papers/2608.19880");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Chengsong Huang", "Chen-Yu Lee", "https://arxiv.org/abs/2608.19880",
                "https://arxiv.org/pdf/2608.19880", "https://envharness.com/", "Submitted by <a href=\"/users/taesiri\">taesiri</a>",
                "<span class=\"count\">163</span>", "/webjars/katex/0.16.4/dist/katex.min.js");
        assertThat(instance.get("/papers/math/0211159").body()).contains("The entropy formula for the Ricci flow");
    }

    @Test
    void organization_badges_lead_to_the_organization_s_papers() {
        HttpResponse<String> response = instance.get("/organizations/google");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<h1>Google</h1>", "EnvHarness: Awakening Static Worlds");
        assertThat(instance.get("/organizations/no-such-org").statusCode()).isEqualTo(404);
    }

    @Test
    void a_versioned_id_redirects_to_the_paper() {
        HttpResponse<String> response = instance.get("/papers/2608.19880v3");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).contains("/papers/2608.19880");
    }

    @Test
    void bad_input_gets_a_friendly_page() {
        HttpResponse<String> badDay = instance.get("/papers/date/2026-02-30");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("is not a date: expected YYYY-MM-DD").contains("<html");
        assertThat(instance.get("/papers/week/2026-W99").statusCode()).isEqualTo(400);
        assertThat(instance.get("/papers/month/2026-00").statusCode()).isEqualTo(400);
        assertThat(instance.get("/papers/not-a-paper").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = instance.get("/papers/2608.00000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No paper 2608.00000 here.");
        HttpResponse<String> nowhere = instance.get("/no/such/page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is no page at /no/such/page");
    }

    @Test
    void rss_is_valid_xml_with_one_item_per_paper() throws Exception {
        HttpResponse<String> response = instance.get("/papers/date/2026-08-21/rss");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/rss+xml"));
        Document rss = parse(response.body());
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        assertThat(rss.getElementsByTagName("item").getLength()).isEqualTo(17);
        Document recent = parse(instance.get("/rss").body());
        assertThat(recent.getElementsByTagName("item").getLength()).isEqualTo(15 + 17 + 2);
        assertThat(instance.get("/rss").body()).contains("&lt;script&gt;");
    }

    @Test
    void rss_descriptions_are_plain_text_that_no_reader_turns_into_markup() throws Exception {
        for (String feed : List.of("/rss", "/papers/date/2026-08-24/rss")) {
            org.w3c.dom.NodeList descriptions = parse(instance.get(feed).body()).getElementsByTagName("description");
            boolean sawTheHostileAbstract = false;
            for (int i = 0; i < descriptions.getLength(); i++) {
                // What a reader gets after decoding the XML is HTML it renders: it must hold no element at all.
                String html = descriptions.item(i).getTextContent();
                assertThat(html).as(feed).doesNotContain("<", ">");
                if (html.contains("onerror")) {
                    sawTheHostileAbstract = true;
                    // ...and rendered, it shows the abstract's own characters
                    assertThat(html).contains("An abstract with &lt;img src=x onerror=alert(1)&gt; and math $E=mc^2$");
                }
            }
            assertThat(sawTheHostileAbstract).as(feed).isTrue();
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pages_load_nothing_from_other_hosts() {
        for (String path : List.of("/", "/papers/2608.19880", "/papers/week/2026-W34", "/papers/date/2099-01-01")) {
            HttpResponse<String> response = instance.get(path);
            Matcher assets = Pattern.compile("<(?:script|link|img)[^>]+(?:src|href)=\"([^\"]+)\"").matcher(response.body());
            while (assets.find()) {
                // a path on this host (not "//host/..."), or a place in the page itself (the layout's rel=expect)
                assertThat(assets.group(1)).as(path).matches("/(?!/).*|#[\\w-]+");
            }
            assertThat(response.headers().firstValue("content-security-policy")).hasValue(WebApp.CONTENT_SECURITY_POLICY);
        }
    }

    @Test
    void static_assets_are_served() {
        assertThat(instance.get("/webjars/katex/0.16.4/dist/katex.min.css").statusCode()).isEqualTo(200);
        assertThat(instance.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(instance.get("/assets/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void health_and_metrics() {
        HttpResponse<String> health = instance.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"papers\":62").contains("\"indexed\":62");
        instance.get("/");
        HttpResponse<String> metrics = instance.get("/metrics");
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
    }
}
