package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The "Feeds" menu of list pages in Chromium, on a desktop (1280 px) and a phone (390 px): it opens from the
 * keyboard, shows its three links wholly on the screen, and adds no sideways scrolling. Screenshots go to
 * target/screenshots/feeds-*.png for a human to look at.
 */
class FeedsBrowserTest {
    @RegisterExtension
    static final BrowserInstance web = BrowserInstance.withFixtures("hf").signedIn("reader@example.org");

    @Test
    void the_feeds_menu_opens_from_the_keyboard_and_fits_the_screen_on_desktop_and_phone() {
        List<String> lists = List.of("/papers/date/2026-08-21", "/papers/trending", "/organizations/google",
                "/authors/Chengsong%20Huang", "/users/taesiri", "/search?q=agents");
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            web.pages().viewport(size[0], size[1]);
            for (String path : lists) {
                web.pages().open(path, false);
                web.browser().findElement(By.cssSelector(".feeds-menu > summary")).sendKeys(Keys.ENTER);
                Map<?, ?> menu = (Map<?, ?>) web.pages().js("""
                        const d = document.querySelector('.feeds-menu'), r = d.querySelector('.feeds-menu-list').getBoundingClientRect();
                        return { open: d.open, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                                 links: [...d.querySelectorAll('a')].map(a => a.textContent + ' ' + a.getAttribute('type')),
                                 sideways: document.documentElement.scrollWidth - innerWidth };""");
                String where = path + " at " + size[0] + " px";
                assertThat(menu.get("open")).as(where).isEqualTo(true);
                assertThat(menu.get("links")).as(where).isEqualTo(List.of("RSS application/rss+xml",
                        "Atom application/atom+xml", "JSON Feed application/feed+json"));
                assertThat(((Number) menu.get("left")).doubleValue()).as("menu inside the screen, " + where).isGreaterThanOrEqualTo(0);
                assertThat(((Number) menu.get("right")).doubleValue()).as("menu inside the screen, " + where).isLessThanOrEqualTo(size[0]);
                assertThat(((Number) menu.get("sideways")).doubleValue()).as("no sideways scrolling, " + where).isLessThanOrEqualTo(0);
                web.pages().screenshot("feeds-" + size[0] + path.replaceAll("[^a-z0-9]+", "-"));
            }
        }
    }

    @Test
    void the_private_feed_page_shows_its_new_address_once_on_desktop_and_phone() {
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            web.pages().viewport(size[0], size[1]);
            web.pages().open("/account/feed", true);
            web.browser().findElement(By.cssSelector("form[action='/account/feed'] button")).click();
            // the click starts a navigation that findElement does not wait for
            web.await().until(d -> !d.findElements(By.id("private-rss")).isEmpty());
            String rss = web.browser().findElement(By.id("private-rss")).getAttribute("value");
            assertThat(rss).matches("http://127\\.0\\.0\\.1:\\d+/private/[A-Za-z0-9_-]{43}/rss");
            assertThat(web.pages().number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
            for (String id : List.of("private-rss", "private-atom", "private-json")) {
                ApiTokenBrowserTest.assertShownWholeAndCopied(web.browser(), web.pages(), id, size[0] + " px");
            }
            web.pages().screenshot("feeds-private-" + size[0]);
        }
    }

}
