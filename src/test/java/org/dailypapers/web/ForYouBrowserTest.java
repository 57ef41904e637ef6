package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /for-you} in headless Chromium: signed in, pick topics at the first visit, see the list with reasons,
 * press "Not interested" and watch the card go (htmx); screenshots at 1280 and 390 px in target/screenshots/.
 */
class ForYouBrowserTest {
    @RegisterExtension
    static final BrowserInstance web = BrowserInstance.withFixtures("hf/2026-08-20.json", "hf/2026-08-21.json")
            .env(Map.of("DAILYPAPERS_EMBED", "false")).signedIn("ada@example.org");

    @Test
    void pick_topics_see_the_list_and_dismiss_a_card() {
        web.pages().viewport(1280, 900);
        web.pages().open("/for-you", true);
        new WebDriverWait(web.browser(), Duration.ofSeconds(15))
                .until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("For you"));
        assertThat(web.browser().findElement(By.tagName("h1")).getText()).isEqualTo("For you");
        web.pages().screenshot("for-you-start-1280");
        web.browser().findElement(By.id("topics")).sendKeys("coding agents\nmemory benchmarks");
        web.browser().findElement(By.cssSelector("form[action='/for-you/start'] button")).click();
        new WebDriverWait(web.browser(), Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".foryou-start")).isEmpty());
        assertThat(web.browser().findElement(By.cssSelector(".foryou-follows")).getText()).contains("coding agents");
        assertThat(web.browser().findElements(By.cssSelector(".foryou-item .why"))).isNotEmpty();
        web.pages().screenshot("for-you-1280");
        assertMixEndsAtTheSlidersEnds("1280 px");

        int before = web.browser().findElements(By.cssSelector(".foryou-item article.card")).size();
        String firstTitle = web.browser().findElement(By.cssSelector(".foryou-item article.card .title")).getText();
        // by keyboard: focus stays in the item (its Undo) rather than falling back to the page
        web.browser().findElement(By.xpath("(//div[@class='foryou-item'])[1]//button[normalize-space()='Not interested']"))
                .sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(web.browser(), Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".foryou-item article.card")).size() == before - 1);
        assertThat(web.browser().findElement(By.cssSelector(".hidden-note")).getText()).contains("Not interested");
        new WebDriverWait(web.browser(), Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(web.pages().js(
                "return document.activeElement !== document.body && document.activeElement.closest('.foryou-item') !== null")));

        // an upvote's answer replaces its button: focus is on the new one, so Enter takes the vote back
        WebElement vote = web.browser().findElement(By.cssSelector(".foryou-item button.vote"));
        String paper = vote.findElement(By.xpath("..")).getAttribute("data-paper");
        vote.sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(web.browser(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(web.pages().js(
                "const a = document.activeElement; return a.matches('button.vote') && a.getAttribute('aria-pressed') === 'true'"
                        + " && a.closest('.votes').dataset.paper === arguments[0]", paper)));
        web.browser().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(web.browser(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(web.pages().js(
                "return document.activeElement.matches('button.vote') && document.activeElement.getAttribute('aria-pressed') === 'false'")));
        web.browser().navigate().refresh();
        assertThat(web.browser().findElement(By.cssSelector(".cards")).getText()).doesNotContain(firstTitle);

        web.pages().viewport(390, 844);
        web.pages().open("/for-you", true);
        assertThat(web.pages().number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        web.pages().screenshot("for-you-390");
        assertMixEndsAtTheSlidersEnds("390 px");
    }

    /** "More like mine" at the slider's start and "More like everyone's" at its end, on one row (it wrapped under "Mix"). */
    private static void assertMixEndsAtTheSlidersEnds(String where) {
        Map<?, ?> at = (Map<?, ?>) web.pages().js("""
                const box = (q) => document.querySelector('.foryou-blend ' + q).getBoundingClientRect();
                const mid = (r) => [r.left + r.width / 2, r.top + r.height / 2];
                const [mine, range, everyone] = [box('.end.mine'), box('input[type=range]'), box('.end.everyone')];
                return { mine: mid(mine)[0], range: mid(range)[0], everyone: mid(everyone)[0], rows: Math.abs(mid(mine)[1] - mid(everyone)[1]),
                         mineLeft: mine.left, rangeLeft: range.left, everyoneRight: everyone.right, rangeRight: range.right };""");
        double range = ((Number) at.get("range")).doubleValue();
        assertThat(((Number) at.get("mine")).doubleValue()).as("'More like mine' left of the slider's middle at " + where).isLessThan(range);
        assertThat(((Number) at.get("everyone")).doubleValue()).as("'More like everyone's' right of the slider's middle at " + where).isGreaterThan(range);
        assertThat(((Number) at.get("rows")).doubleValue()).as("both ends on one row at " + where).isLessThanOrEqualTo(4);
        assertThat(((Number) at.get("mineLeft")).doubleValue()).as("at the slider's start at " + where)
                .isLessThanOrEqualTo(((Number) at.get("rangeLeft")).doubleValue() + 1);
        assertThat(((Number) at.get("everyoneRight")).doubleValue()).as("at the slider's end at " + where)
                .isGreaterThanOrEqualTo(((Number) at.get("rangeRight")).doubleValue() - 1);
    }

}
