package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.ingest.ImportProgress;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.testing.Chromium;
import org.dailypapers.testing.HfFeedFile;
import org.dailypapers.testing.HfFeedFile.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Layout in Chromium (issue 11, "Pages"): the header on one row from 1024 px, signed in or out, with nothing
 * shifting when the account menu loads or as the page is parsed (cumulative layout shift 0: under CPU load Chromium
 * painted half-parsed pages until the layout asked it to wait for the footer); a card's text staying put when its
 * menus arrive after it (for browsers that do not wait); a compact phone header with three cards
 * on a 390 x 844 screen; at 800, 390 and 320 px every header link on the screen, a signed-in person's account
 * links behind one menu button that the keyboard opens and Escape closes; the paper page's upvote button beside
 * the title; math rendered only where well formed.
 * Screenshots go to target/screenshots/ for a human to look at.
 */
class LayoutTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path madeUp;

    static TestInstance instance;
    static WebDriver browser;
    static BrowserPages pages;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        instance = TestInstance.withFixtures(dataDir, "hf");
        LocalDate day = LocalDate.of(2026, 8, 19);
        Path math = new HfFeedFile()
                .add(new Item("2608.90101", day, "Well-formed math", "We train on $10^{19}$ tokens with $p_{gen} = 0.5$."))
                .add(new Item("2608.90102", day, "Unpaired dollars", "It costs $5 per run where $p_{gen}$ is small."))
                .add(new Item("2608.90103", day, "Lost delimiters", "We train on 10^{19} tokens with p_{gen} high."))
                // LaTeX's text-mode escapes around a formula, and beside unpaired dollars (left plain)
                .add(new Item("2608.90104", day, "\\$OneMillion-Bench: Prefill \\& Decode",
                        "Agents reach pass@1 below 50\\% on \\#tasks with max\\_steps, where $x^2 = 4$."))
                .add(new Item("2608.90105", day, "Escapes beside a lone dollar", "A budget of \\$5 per paper and 50\\% more where $y is odd."))
                .add(new Item("2608.90106", day, "A paper of 670 authors", "Everyone wrote it."))
                .authors("2608.90106", java.util.stream.IntStream.rangeClosed(1, 670).mapToObj(i -> "Author " + i).toList())
                .write(madeUp, "2026-08-19.json");
        instance.app().importer().importPaths(List.of(math), ImportProgress.NONE);
        instance.start();
        String session = instance.signedIn("reader@example.org").cookie("dp_session");
        pages = new BrowserPages(browser, instance::url, session);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void the_header_is_one_row_from_1024_px_and_the_menu_moves_nothing_when_it_loads() {
        for (int width : new int[] {1024, 1400, 1920}) {
            for (boolean signedIn : new boolean[] {false, true}) {
                for (String path : List.of("/", "/papers/2608.19880")) {
                    pages.viewport(width, 900);
                    pages.open(path, signedIn);
                    String where = width + " px, " + (signedIn ? "signed in" : "signed out") + ", " + path;
                    if (signedIn) {
                        assertThat(browser.findElements(By.cssSelector(".account-inline .who"))).as(where).hasSize(1);
                        assertThat(browser.findElement(By.cssSelector(".account-inline .who")).isDisplayed()).as(where).isTrue();
                        assertThat(browser.findElement(By.cssSelector(".account-disclosure")).isDisplayed()).as("no phone menu at " + where).isFalse();
                    }
                    double header = pages.number("return document.querySelector('header.site').getBoundingClientRect().height");
                    double spread = pages.number("""
                            const mid = (e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
                            const items = [...document.querySelectorAll('.bar > :not(.search-icon), .links > li')];
                            const mids = items.map(mid);
                            return Math.max(...mids) - Math.min(...mids);""");
                    BrowserPages.Shift shift = pages.layoutShift();
                    System.out.printf("layout %s: header %.0f px, row spread %.0f px, CLS %.6f %s%n", where, header, spread, shift.value(), shift.moved());
                    assertThat(header).as("header height at " + where).isLessThanOrEqualTo(64);
                    assertThat(spread).as("everything in the header on one row at " + where).isLessThanOrEqualTo(6);
                    assertThat(shift.value()).as("cumulative layout shift at " + where + " (moved: " + shift.moved() + ")").isZero();
                    assertThat(browser.findElement(By.cssSelector(".links")).getText()).as(where).contains("RSS");
                    assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).as(where).isLessThanOrEqualTo(0);
                    if (signedIn) {
                        assertThat(style(".account-menu button.link")).as("Sign out looks like the other links at " + where)
                                .isEqualTo(style(".links a[href='/papers/trending']"));
                    }
                    if (path.equals("/") && width != 1024) {
                        pages.screenshot("header-" + width + (signedIn ? "-signed-in" : "-signed-out"));
                    }
                }
            }
        }
    }

    /**
     * A card's Save and For you menus come after its text in the page, so a browser that paints before it has
     * parsed all of a card (a slow link, a busy phone; Chromium waits for the main content, other browsers may not)
     * shows the card without them. The rail they sit in must not widen when they arrive and push the text aside.
     */
    @Test
    void a_card_painted_before_its_menus_arrive_keeps_its_text_where_it_ends_up() {
        for (int width : new int[] {1400, 800, 390}) {
            pages.viewport(width, 900);
            for (String path : List.of("/", "/search?q=agents")) {
                pages.open(path, false);
                List<?> lefts = (List<?>) pages.js("""
                        const card = document.querySelector('.cards article.card');
                        const text = (c) => { const r = c.querySelector('.body').getBoundingClientRect(); return [r.left, r.width]; };
                        const cut = (selector) => {
                          const partial = card.cloneNode(true);
                          partial.querySelectorAll(selector).forEach((e) => e.remove());
                          card.after(partial);
                          const at = text(partial);
                          partial.remove();
                          return at;
                        };
                        return [text(card), cut(':scope > .tune'), cut(':scope > .collect'), cut(':scope > .collect .collect-label')];""");
                String where = width + " px, " + path;
                System.out.printf("card text (left, width) at %s: whole %s, without For you %s, without menus %s, labels not yet parsed %s%n",
                        where, lefts.get(0), lefts.get(1), lefts.get(2), lefts.get(3));
                assertThat(lefts.subList(1, 4)).as("a card's text, before its menus arrive, at " + where)
                        .allSatisfy(partial -> assertThat(partial).isEqualTo(lefts.get(0)));
            }
        }
    }

    private static String style(String selector) {
        return (String) pages.js("const s = getComputedStyle(document.querySelector(arguments[0]));"
                + " return [s.color, s.fontSize, s.fontWeight, s.textDecorationLine, s.fontFamily].join(' | ')", selector);
    }

    @Test
    void on_a_phone_the_header_is_compact_the_vote_box_is_beside_the_title_and_three_cards_fit() {
        pages.viewport(390, 844);
        for (boolean signedIn : new boolean[] {false, true}) {
            pages.open("/papers/date/2026-08-21", signedIn);
            String who = signedIn ? "signed in" : "signed out";
            double header = pages.number("return document.querySelector('header.site').getBoundingClientRect().height");
            double visible = pages.number("return [...document.querySelectorAll('article.card')]"
                    + ".filter(c => c.getBoundingClientRect().bottom <= innerHeight).length");
            System.out.printf("phone 390x844 %s: header %.0f px, %.0f cards fully visible%n", who, header, visible);
            assertThat(header).as("phone header height, " + who).isLessThanOrEqualTo(100);
            assertThat(visible).as("cards wholly on the first screen, " + who).isGreaterThanOrEqualTo(3);
            Map<?, ?> card = (Map<?, ?>) pages.js("""
                    const c = document.querySelector('article.card');
                    const v = c.querySelector('.votes').getBoundingClientRect(), t = c.querySelector('.title').getBoundingClientRect();
                    return { voteTop: v.top, voteRight: v.right, voteBottom: v.bottom, titleTop: t.top, titleLeft: t.left };""");
            assertThat(((Number) card.get("voteRight")).doubleValue()).as("vote box left of the title")
                    .isLessThanOrEqualTo(((Number) card.get("titleLeft")).doubleValue());
            assertThat(((Number) card.get("voteBottom")).doubleValue()).as("vote box beside the title, not above it")
                    .isGreaterThan(((Number) card.get("titleTop")).doubleValue());
            pages.screenshot("phone-" + (signedIn ? "signed-in" : "signed-out"));
            for (String path : List.of("/", "/papers/2608.19880", "/papers/trending", "/search?q=agents", "/papers/month/2026-08")) {
                pages.open(path, signedIn);
                assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth"))
                        .as("no sideways scrolling on " + path + ", " + who).isLessThanOrEqualTo(0);
                assertThat(pages.number("""
                        const bar = document.querySelector('.bar');
                        return bar.getBoundingClientRect().right - parseFloat(getComputedStyle(bar).paddingRight)
                            - document.querySelector('.account-menu').getBoundingClientRect().right;"""))
                        .as("the account menu at the right end of the first row on " + path + " (the search page has no search icon), " + who)
                        .isBetween(-1.0, 1.0);
            }
        }
    }

    @Test
    void on_a_phone_every_header_link_is_on_the_screen_or_in_the_account_menu_signed_in_or_out() {
        for (int width : new int[] {800, 390, 320}) {
            for (boolean signedIn : new boolean[] {false, true}) {
                pages.viewport(width, 844);
                pages.open("/", signedIn);
                String where = width + " px, " + (signedIn ? "signed in" : "signed out");
                pages.screenshot("phone-header-" + width + (signedIn ? "-signed-in" : "-signed-out"));
                if (width > 640) { // a tablet: two rows, every link in them
                    assertThat(onScreenHeaderControls()).as("header links wholly on the screen, " + where)
                            .contains("Latest", "Week", "Month", "Trending", "RSS")
                            .contains(signedIn ? new String[] {"For you", "Submit", "Sign out"} : new String[] {"Sign in"});
                    assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).as(where).isLessThanOrEqualTo(0);
                    continue;
                }
                assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth"))
                        .as("no sideways scrolling, " + where).isLessThanOrEqualTo(0);
                List<String> site = List.of("Latest", "Week", "Month", "Trending", "RSS");
                double header = pages.number("return document.querySelector('header.site').getBoundingClientRect().height");
                System.out.printf("phone header %s: %.0f px%n", where, header);
                assertThat(header).as("phone header height, " + where).isLessThanOrEqualTo(80);
                assertThat(pages.number("""
                        const mid = (e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
                        const row = [...document.querySelectorAll('.brand, .search-icon, .account-menu')].map(mid);
                        return Math.max(...row) - Math.min(...row);""")).as("brand, search and account on the first row, " + where)
                        .isLessThanOrEqualTo(6);
                if (!signedIn) {
                    assertThat(onScreenHeaderControls()).as("header links wholly on the screen, " + where)
                            .containsAll(site).contains("Sign in");
                    continue;
                }
                String name = (String) pages.js("return document.querySelector('.account-disclosure summary .who').textContent");
                assertThat(onScreenHeaderControls()).as("header links wholly on the screen, " + where)
                        .containsAll(site).contains("Menu of " + name).doesNotContain("Sign out");
                // by keyboard: Tab reaches the menu button, Enter opens it, every account link is then on the screen
                WebElement button = browser.findElement(By.cssSelector(".account-disclosure summary"));
                pages.js("arguments[0].focus()", button);
                assertThat(pages.js("return document.activeElement.matches('.account-disclosure summary')")).isEqualTo(true);
                button.sendKeys(org.openqa.selenium.Keys.ENTER);
                assertThat(pages.js("return document.querySelector('.account-disclosure').open")).as("Enter opens it, " + where).isEqualTo(true);
                pages.screenshot("phone-header-" + width + "-menu-open");
                assertThat(onScreenHeaderControls()).as("the open menu's links wholly on the screen, " + where)
                        .containsAll(site).contains("Your account", "For you", "Submit", "Sign out");
                assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth"))
                        .as("no sideways scrolling with the menu open, " + where).isLessThanOrEqualTo(0);
                button.sendKeys(org.openqa.selenium.Keys.ESCAPE);
                assertThat(pages.js("return !document.querySelector('.account-disclosure').open"
                        + " && document.activeElement.matches('.account-disclosure summary')")).as("Escape closes it, focus stays on its button").isEqualTo(true);
            }
        }
    }

    /**
     * The names of the header's links and buttons that are wholly inside the viewport and not clipped by a
     * scrolling or hidden-overflow ancestor: what a person sees and can tap without scrolling anything.
     */
    private static List<String> onScreenHeaderControls() {
        return ((List<?>) pages.js("""
                const inside = (r, c) => r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5;
                const shown = (e) => {
                    const r = e.getBoundingClientRect();
                    // checkVisibility: false under display: none and inside a closed <details> (content-visibility)
                    if (r.width === 0 || r.height === 0 || !e.checkVisibility({ visibilityProperty: true })) return false;
                    if (!inside(r, { left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return false;
                    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        const s = getComputedStyle(a);
                        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
                            if (!inside(r, a.getBoundingClientRect())) return false;
                        }
                    }
                    return true;
                };
                return [...document.querySelectorAll('header.site a, header.site button, header.site summary')].filter(shown)
                    .map(e => e.textContent.trim()).filter(t => t.length > 0);""")).stream().map(String::valueOf).toList();
    }

    @Test
    void the_paper_page_upvote_is_a_compact_button_beside_the_title_and_upvoted_is_more_than_a_colour() {
        pages.viewport(1400, 900);
        pages.open("/papers/2608.19880", true);
        WebElement votes = browser.findElement(By.cssSelector(".paper .votes"));
        WebElement title = browser.findElement(By.cssSelector(".paper h1"));
        assertThat(votes.getRect().getWidth()).as("vote button width").isLessThanOrEqualTo(96);
        assertThat(votes.getRect().getHeight()).as("vote button height").isLessThanOrEqualTo(80);
        assertThat(votes.getRect().getX()).as("right of the title").isGreaterThanOrEqualTo(title.getRect().getX() + title.getRect().getWidth());
        assertThat(votes.getRect().getY()).as("on the title's row").isLessThan(title.getRect().getY() + title.getRect().getHeight());
        assertThat(arrowFill()).isEqualTo("none");

        browser.findElement(By.cssSelector(".paper button.vote")).click();
        waitUntilUpvoted();
        assertThat(arrowFill()).as("the upvoted arrow is filled").isNotEqualTo("none");
        assertThat((String) pages.js("return document.querySelector('.paper button.vote').textContent"))
                .contains("You upvoted this paper");

        // the cached page says "Press to upvote"; the visitor's state corrects it, for screen readers too
        pages.open("/papers/2608.19880", true);
        waitUntilUpvoted();
        assertThat((String) pages.js("return document.querySelector('.paper .vote-label').textContent")).contains("You upvoted");
        assertThat(arrowFill()).isNotEqualTo("none");
        pages.screenshot("paper-upvoted-1400");
    }

    private static void waitUntilUpvoted() {
        // by script: the button is replaced when the vote's answer is swapped in, which makes elements stale
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(pages.js(
                "const b = document.querySelector('.paper button.vote'); return b !== null && b.getAttribute('aria-pressed') === 'true'")));
    }

    private static String arrowFill() {
        return (String) pages.js("return getComputedStyle(document.querySelector('.paper .votes .arrow')).fill");
    }

    @Test
    void math_is_rendered_only_where_its_delimiters_pair_up() {
        pages.viewport(1400, 900);
        pages.open("/papers/2608.90101", false);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".full-abstract .katex")).size() == 2);

        for (String id : List.of("2608.90102", "2608.90103")) {
            pages.open("/papers/" + id, false);
            pages.js("return new Promise(r => setTimeout(r, 300))");
            assertThat(browser.findElements(By.cssSelector(".katex"))).as(id + " stays plain text").isEmpty();
        }
        assertThat(browser.findElement(By.cssSelector(".full-abstract")).getText()).contains("10^{19}");
        pages.open("/papers/2608.90102", false);
        assertThat(browser.findElement(By.cssSelector(".full-abstract")).getText()).contains("costs $5 per run where $p_{gen}$");

        // search results: the passage keeps its formulas whole and unmarked, so they render there too
        pages.open("/search?q=" + java.net.URLEncoder.encode("train tokens gen", java.nio.charset.StandardCharsets.UTF_8), false);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".snippet .katex")).size() == 2);
        pages.open("/search?q=costs+run", false);
        pages.js("return new Promise(r => setTimeout(r, 300))");
        assertThat(browser.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".katex"))).as("unpaired dollars stay plain in results too").isEmpty();
    }

    /** \% \& \_ \# \$ in titles and abstracts (LaTeX source) read as the characters, outside formulas only. */
    @Test
    void latex_text_escapes_show_the_plain_character_around_formulas_and_where_math_stays_plain() {
        pages.viewport(1400, 900);
        pages.open("/papers/2608.90104", false);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".full-abstract .katex")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("$OneMillion-Bench: Prefill & Decode");
        assertThat(textOutsideFormulas(".full-abstract")).isEqualTo("Agents reach pass@1 below 50% on #tasks with max_steps, where .");
        pages.screenshot("latex-escapes-1400");

        pages.open("/papers/2608.90105", false);
        pages.js("return new Promise(r => setTimeout(r, 300))");
        assertThat(browser.findElements(By.cssSelector(".katex"))).as("a lone $ leaves the abstract plain").isEmpty();
        String plain = "A budget of $5 per paper and 50% more where $y is odd.";
        assertThat(textOutsideFormulas(".full-abstract")).isEqualTo(plain);
        // a second pass (an htmx swap that renders the whole document) must not take the unescaped $5 for a delimiter
        pages.js("renderMath(document)");
        assertThat(browser.findElements(By.cssSelector(".katex"))).isEmpty();
        assertThat(textOutsideFormulas(".full-abstract")).isEqualTo(plain);

        // cards: the title is a link (KaTeX leaves links alone), the abstract an excerpt; search results' passages
        pages.viewport(390, 844);
        pages.open("/papers/date/2026-08-19", false);
        assertThat(textOutsideFormulas(".cards")).doesNotContain("\\")
                .contains("$OneMillion-Bench: Prefill & Decode", "below 50% on #tasks with max_steps", "A budget of $5 per paper and 50% more");
        pages.screenshot("latex-escapes-cards-390");
        pages.open("/search?q=budget", false);
        assertThat(textOutsideFormulas(".card:has(a[href='/papers/2608.90105']) .snippet")).contains("A budget of $5 per paper and 50% more").doesNotContain("\\");
    }

    private static String textOutsideFormulas(String selector) {
        return (String) pages.js("""
                const c = document.querySelector(arguments[0]).cloneNode(true);
                c.querySelectorAll('.katex').forEach((k) => k.remove());
                return c.textContent.replace(/\\s+/g, ' ').trim();""", selector);
    }

    /** The signed-in person's name in the header had about 4rem of its 7rem (6.5 on a phone) and was always cut short. */
    @Test
    void the_signed_in_name_in_the_header_is_shown_whole_where_it_fits() {
        var session = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org"));
        instance.app().accounts().setDisplayName(session.session().account(), "Ada Byron");
        BrowserPages ada = new BrowserPages(browser, instance::url, session.cookie());
        for (int width : new int[] {1400, 1024, 390}) {
            ada.viewport(width, 900);
            ada.open("/", true);
            List<?> who = (List<?>) ada.js("""
                    const e = [...document.querySelectorAll('.account-menu .who')].find((e) => e.checkVisibility());
                    return [e.textContent, e.scrollWidth, e.clientWidth];""");
            assertThat(who.get(0)).isEqualTo("Ada Byron");
            assertThat(((Number) who.get(1)).doubleValue()).as("the name's width and the room it has at " + width + " px")
                    .isLessThanOrEqualTo(((Number) who.get(2)).doubleValue());
            assertThat(ada.number("return document.documentElement.scrollWidth - innerWidth")).as(width + " px").isLessThanOrEqualTo(0);
            ada.screenshot("header-name-" + width);
        }
    }

    /** A display name may be 80 characters without a space: it wraps on the profile and in a discussion. */
    @Test
    void a_long_display_name_wraps_on_a_phone_on_the_profile_and_in_a_discussion() {
        var session = instance.app().accounts().openSession(EmailAddress.parse("long-name@example.org"));
        var account = session.session().account();
        instance.app().accounts().setDisplayName(account, "Wolfeschlegelsteinhausenbergerdorff".repeat(3).substring(0, 80));
        instance.app().discussion().post(account, ArxivId.parse("2608.90103").orElseThrow(), null, "A comment.");
        pages.viewport(390, 844);
        for (String path : List.of("/users/" + account.handle(), "/papers/2608.90103")) {
            pages.open(path, false);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path.startsWith("/users/")
                    || !d.findElements(By.cssSelector(".comment-meta .author")).isEmpty());
            // against 390, not innerWidth: an emulated phone widens its viewport to content that overflows
            assertThat(pages.number("return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling on " + path).isLessThanOrEqualTo(390);
            assertThat(pages.number("return Math.max(...[...document.querySelectorAll('h1, .comment-meta .author')].map((e) => e.getBoundingClientRect().right))"))
                    .as("the name's right edge on " + path).isLessThanOrEqualTo(390);
            pages.screenshot("long-name-390" + path.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    /** 670 authors put the abstract of a paper page about 9,400 px down on a phone: the first 20, then a disclosure. */
    @Test
    void a_long_author_list_shows_twenty_and_the_rest_behind_a_disclosure_the_keyboard_opens() {
        pages.viewport(390, 844);
        pages.open("/papers/2608.90106", false);
        String shown = "return [...document.querySelectorAll('.paper .authors li')].filter((e) => e.checkVisibility()).length";
        assertThat(pages.number(shown)).isEqualTo(20);
        assertThat(pages.number("return document.getElementById('abstract').getBoundingClientRect().top"))
                .as("the abstract's heading on the first screens").isLessThan(1200);
        WebElement more = browser.findElement(By.cssSelector(".more-authors > summary"));
        assertThat(more.getText()).isEqualTo("Show all 670 authors");
        pages.screenshot("authors-closed-390");
        pages.js("arguments[0].focus()", more);
        more.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(pages.number(shown)).as("Enter shows them all").isEqualTo(670);
        assertThat(more.getText()).isEqualTo("Show fewer authors");
        assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
    }

}
