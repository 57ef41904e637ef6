package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.ingest.ImportProgress;
import org.dailypapers.testing.HfFeedFile;
import org.dailypapers.testing.HfFeedFile.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cards and feed pages say (issue 11, "Pages"): comments, submitter, organization names, singular
 * counts, date labels on week pagers, and paging of long months and long profiles. Over real HTTP on the
 * recorded Hugging Face days plus 120 made-up papers in July 2026, all put on the feed by "prolific".
 */
class PageContentTest {
    static final int MADE_UP = 120;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path madeUp;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf");
        HfFeedFile file = new HfFeedFile();
        for (int i = 0; i < MADE_UP; i++) {
            LocalDate day = LocalDate.of(2026, 7, 6 + i % 10);
            file.add(new Item(String.format("2607.%05d", 10_000 + i), day, "Made-up paper " + i,
                    "An abstract about paging number " + i + ".", 1000 - i, i % 3, "prolific",
                    i == 0 ? "spacey" : null, i == 0 ? "  Spacey   Research Lab " : null));
        }
        instance.app().importer().importPaths(List.of(file.write(madeUp, "2026-07.json")), ImportProgress.NONE);
        // LaTeX's text-mode escapes, as arXiv titles and abstracts have them
        Path escapes = new HfFeedFile().add(new Item("2606.20001", LocalDate.of(2026, 6, 20), "\\$OneMillion-Bench: Prefill \\& Decode",
                "Agents reach pass@1 below 50\\% on \\#tasks with max\\_steps, where $p = 50\\%$.")).write(madeUp, "2026-06-20.json");
        instance.app().importer().importPaths(List.of(escapes), ImportProgress.NONE);
        instance.start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    static int cards(String html) {
        return html.split("<article class=\"card", -1).length - 1;
    }

    @Test
    void cards_show_the_comment_count_and_who_submitted_the_paper() {
        String html = instance.get("/papers/date/2026-08-21").body();
        // EnvHarness (2608.19880): put on the feed by taesiri, with its comments from Hugging Face
        assertThat(html).contains("Submitted by <a href=\"/users/taesiri\">taesiri</a>");
        Matcher comments = Pattern.compile("<span class=\"comments\">(\\d+) comments?</span>").matcher(html);
        assertThat(comments.find()).as("a comment count on a card").isTrue();
    }

    @Test
    void one_upvote_is_singular_on_cards_and_in_rss() {
        String day = instance.get("/papers/date/2026-08-21").body();
        assertThat(day).contains("<span class=\"count\">1</span><span class=\"visually-hidden\"> upvote. ")
                .doesNotContain("<span class=\"count\">1</span><span class=\"visually-hidden\"> upvotes");
        String rss = instance.get("/papers/date/2026-08-21/rss").body();
        assertThat(rss).contains(" · 1 upvote · arXiv ").doesNotContain(" 1 upvotes");
        assertThat(Views.upvotes(0)).isEqualTo("0 upvotes");
        assertThat(Views.upvotes(2)).isEqualTo("2 upvotes");
    }

    @Test
    void organization_chips_show_the_display_name_with_its_spaces_tidied() {
        String html = instance.get("/papers/date/2026-08-21").body();
        assertThat(html).contains("href=\"/organizations/google\">Google</a>");
        String july = instance.get("/papers/date/2026-07-06").body();
        assertThat(july).contains("href=\"/organizations/spacey\">Spacey Research Lab</a>");
        assertThat(instance.get("/organizations/spacey").body()).contains("<h1>Spacey Research Lab</h1>", "1 paper on the feed");
    }

    @Test
    void week_pagers_name_their_days_like_day_pagers() {
        String html = instance.get("/papers/week/2026-W34").body();
        // the week before with papers: 2026-07-13..19 (the made-up papers); after none
        assertThat(html).contains("rel=\"prev\" href=\"/papers/week/2026-W29\">← Jul 13 – 19, 2026</a>");
        assertThat(html).doesNotContain(">← 2026-W");
        assertThat(Views.dayRange(LocalDate.of(2024, 5, 27), LocalDate.of(2024, 6, 2))).isEqualTo("May 27 – Jun 2, 2024");
        assertThat(Views.dayRange(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 5))).isEqualTo("Dec 30, 2024 – Jan 5, 2025");
    }

    @Test
    void a_long_month_is_paged_and_every_paper_is_on_exactly_one_page() {
        HttpResponse<String> first = instance.get("/papers/month/2026-07");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cards(first.body())).isEqualTo(FeedRoutes.PAGE_SIZE);
        assertThat(first.body()).contains("Page 1 of 3", "href=\"/papers/month/2026-07?page=2\">Next page →</a>");
        String second = instance.get("/papers/month/2026-07?page=2").body();
        String third = instance.get("/papers/month/2026-07?page=3").body();
        assertThat(cards(second)).isEqualTo(FeedRoutes.PAGE_SIZE);
        assertThat(cards(third)).isEqualTo(MADE_UP - 2 * FeedRoutes.PAGE_SIZE);
        assertThat(third).contains("href=\"/papers/month/2026-07?page=2\">← Previous page</a>").doesNotContain("Next page");
        // most upvoted first across pages: paper 0 on page 1, paper 50 first on page 2, paper 119 last
        assertThat(first.body()).contains("Made-up paper 0<");
        assertThat(second.indexOf("Made-up paper 50<")).isLessThan(second.indexOf("Made-up paper 51<"));
        assertThat(third).contains("Made-up paper 119<").doesNotContain("Made-up paper 99<");
        assertThat(first.body().length()).as("a month page stays small").isLessThan(150_000);

        assertThat(instance.get("/papers/month/2026-07?page=4").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = instance.get("/papers/month/2026-07?page=two");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("page must be a whole number");
        // a day with few papers has no page links
        assertThat(instance.get("/papers/date/2026-08-21").body()).doesNotContain("Next page", "Page 1 of");
    }

    @Test
    void a_profile_pages_through_all_of_a_persons_papers() {
        HttpResponse<String> first = instance.get("/users/prolific");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Submitted (" + MADE_UP + ")", "Page 1 of 3", "href=\"/users/prolific?page=2\"");
        assertThat(cards(first.body())).isEqualTo(ProfileRoutes.PAGE_SIZE);
        String last = instance.get("/users/prolific?page=3").body();
        assertThat(cards(last)).isEqualTo(MADE_UP - 2 * ProfileRoutes.PAGE_SIZE);
        assertThat(instance.get("/users/prolific?page=4").statusCode()).isEqualTo(404);
        assertThat(instance.get("/users/prolific?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void the_trending_formula_is_collapsed() {
        String html = instance.get("/papers/trending").body();
        assertThat(html).contains("<details class=\"formula\">").doesNotContain("<details class=\"formula\" open");
    }

    @Test
    void the_paper_page_title_shows_latex_escapes_as_plain_characters_and_bibtex_keeps_them() {
        String html = instance.get("/papers/2606.20001").body();
        assertThat(html).contains("<title>$OneMillion-Bench: Prefill &amp; Decode · Daily Papers</title>")
                .contains("<meta name=\"description\" content=\"Agents reach pass@1 below 50% on #tasks with max_steps, where $p = 50%$.\">");
        assertThat(instance.get("/papers/2606.20001/discussion").body()).contains("<title>Discussion: $OneMillion-Bench: Prefill &amp; Decode · Daily Papers</title>");
        // the body keeps the source: app.js unescapes it around the formulas KaTeX renders (LayoutTest)
        assertThat(html).contains("<h1 class=\"math\">\\$OneMillion-Bench: Prefill \\&amp; Decode</h1>");
        assertThat(instance.get("/papers/2606.20001/cite.bib").body()).contains("\\$OneMillion-Bench: Prefill \\& Decode");
        assertThat(Views.plainText("a \\\\% b \\% c")).as("after a backslash it is no escape").isEqualTo("a \\\\% b % c");
    }

    @Test
    void a_card_excerpt_never_ends_inside_math() {
        String text = "x".repeat(300) + " $a + b$ and then " + "$" + "y ".repeat(200) + "$";
        String excerpt = Views.excerpt(text, 480);
        assertThat(excerpt.chars().filter(c -> c == '$').count() % 2).isZero();
        assertThat(excerpt).contains("$a + b$").endsWith(" …");
    }
}
