package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.foryou.SignalKind;
import org.dailypapers.mail.EmailAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "For you" menu of a feed card and the search page's click beacon in headless Chromium: open the menu, press
 * "More like this" (htmx), click a search result and see it recorded; screenshots at 1280 and 390 px in
 * target/screenshots/.
 */
class CardSignalsBrowserTest {
    @RegisterExtension
    static final BrowserInstance web = BrowserInstance.withFixtures("hf/2026-08-20.json", "hf/2026-08-21.json")
            .env(Map.of("DAILYPAPERS_EMBED", "false")).signedIn("ada@example.org");

    static TestInstance instance;
    static WebDriver browser;
    static BrowserPages pages;
    static Account ada;

    @BeforeAll
    static void start() {
        instance = web.instance();
        browser = web.browser();
        pages = web.pages();
        ada = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
    }

    @Test
    void more_like_this_from_a_feed_card_and_a_click_on_a_search_result() {
        pages.viewport(1280, 900);
        pages.open("/papers/date/2026-08-21", true);
        pages.screenshot("card-menu-feed-1280");
        browser.findElement(By.cssSelector("article.card details.tune summary")).click();
        wait(d -> d.findElement(By.cssSelector("article.card .tune-menu")).getText().contains("More like this"));
        pages.screenshot("card-menu-open-1280");
        browser.findElement(By.xpath("(//article[contains(@class,'card')])[1]//button[normalize-space()='More like this']")).click();
        wait(d -> d.findElement(By.cssSelector("article.card .tune-menu")).getText().contains("Noted: you will see more like this."));
        assertThat(instance.app().forYou().signals(ada)).containsEntry("2608.19880", SignalKind.MORE);
        pages.screenshot("card-menu-done-1280");

        // Search: the click on a result's title is sent as a beacon (once /account/state said who is here).
        pages.open("/search?q=terminal+agents", true);
        wait(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return performance.getEntriesByType('resource')"
                + ".some(e => e.name.endsWith('/account/state') && e.responseEnd > 0)")));
        sleep(300);
        org.openqa.selenium.WebElement result = browser.findElements(By.cssSelector("[data-opened] article.card .title a")).stream()
                .filter(a -> !a.getAttribute("href").endsWith("/2608.19880")).findFirst().orElseThrow();
        String href = result.getAttribute("href");
        String id = href.substring(href.indexOf("/papers/") + "/papers/".length());
        assertThat(instance.app().forYou().signals(ada)).doesNotContainKey(id);
        result.click();
        wait(d -> instance.app().forYou().signals(ada).get(id) != null);
        assertThat(instance.app().forYou().signals(ada).get(id)).isEqualTo(SignalKind.OPENED);
        assertThat(browser.getCurrentUrl()).endsWith("/papers/" + id);

        // A phone: the menu fits, nothing overflows sideways; signed out it asks to sign in.
        pages.viewport(390, 844);
        pages.open("/papers/date/2026-08-21", false);
        browser.findElements(By.cssSelector("article.card details.tune summary")).get(1).click();
        wait(d -> d.findElements(By.cssSelector("article.card .tune-menu")).get(1).getText().contains("sign in"));
        assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        assertThat(pages.number("const r = document.querySelectorAll('article.card .tune-menu')[1].getBoundingClientRect();"
                + " return Math.max(0, r.right - innerWidth) + Math.max(0, -r.left)")).isEqualTo(0);
        pages.screenshot("card-menu-signed-out-390");
        pages.open("/papers/2608.19880", true);
        browser.findElement(By.cssSelector(".actions details.tune summary")).click();
        wait(d -> d.findElement(By.cssSelector(".actions .tune-menu")).getText().contains("Noted"));
        assertThat(pages.number("const r = document.querySelector('.actions .tune-menu').getBoundingClientRect();"
                + " return Math.max(0, r.right - innerWidth) + Math.max(0, -r.left)")).isEqualTo(0);
        pages.screenshot("card-menu-paper-390");
    }

    private static void wait(java.util.function.Function<WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(until::apply);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
