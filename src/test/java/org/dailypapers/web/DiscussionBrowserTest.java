package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The discussion through the real paper page in headless Chromium: comment (math rendered by KaTeX), reply,
 * sort, and hide as an administrator, all without a reload; screenshots at 1280 and 390 px land in
 * target/screenshots/discussion for a person to look at.
 */
class DiscussionBrowserTest {
    static final String PAPER = "2608.19880";
    static final Path SHOTS = Path.of("target", "screenshots", "discussion");

    @RegisterExtension
    static final BrowserInstance web = BrowserInstance.withFixtures("hf/2026-08-21.json").env(Map.of("DAILYPAPERS_ADMINS", "root@example.org"));

    @Test
    void comment_reply_and_hide_on_the_paper_page() throws IOException {
        BrowserPages ada = web.as("ada@example.org");
        ada.viewport(1280, 900);
        ada.open("/papers/" + PAPER, true);
        web.await().until(d -> d.findElements(By.id("comment-new")).size() == 1);
        web.browser().findElement(By.id("comment-new")).sendKeys("Nice result. The loss is $\\sum_i x_i^2$ and **bold** matters.");
        web.browser().findElement(By.cssSelector(".comment-form button")).click();
        web.await().until(d -> d.findElements(By.cssSelector(".comment-body")).size() == 1);
        web.await().until(d -> d.findElements(By.cssSelector(".comment-body .katex")).size() == 1); // KaTeX rendered the math
        assertThat(web.browser().findElement(By.cssSelector(".comment-body strong")).getText()).isEqualTo("bold");
        assertThat(web.browser().findElement(By.id("discussion-status")).getText()).isEqualTo("Comment posted.");

        web.browser().findElement(By.cssSelector("details.reply summary")).click();
        WebElementText.typeInto(web.browser(), "details.reply textarea", "Thanks, agreed.");
        web.browser().findElement(By.cssSelector("details.reply button")).click();
        web.await().until(d -> d.findElements(By.cssSelector("ol.replies .comment-body")).size() == 1);
        assertThat(web.browser().findElement(By.cssSelector("ol.replies .comment-body")).getText()).isEqualTo("Thanks, agreed.");
        assertThat(web.browser().getCurrentUrl()).endsWith("/papers/" + PAPER); // no reload, no navigation

        // Sorting swaps the discussion in place.
        web.browser().findElement(By.cssSelector(".comment-sort a[href$='sort=top']")).click();
        web.await().until(d -> "true".equals(d.findElement(By.cssSelector(".comment-sort a[href$='sort=top']")).getAttribute("aria-current")));
        look("signed-in");

        BrowserPages root = web.as("root@example.org");
        root.viewport(1280, 900);
        root.open("/papers/" + PAPER, true);
        web.await().until(d -> d.findElements(By.cssSelector(".comment-actions button[value=hide]")).size() == 2);
        web.browser().findElement(By.cssSelector(".comment-actions button[value=hide]")).click();
        web.await().until(d -> d.findElement(By.id("discussion-status")).getText().equals("Comment hidden."));
        assertThat(web.browser().findElement(By.cssSelector(".comment-meta .moderated")).getText()).isEqualTo("hidden by a moderator");

        BrowserPages reader = web.as(null);
        reader.viewport(1280, 900);
        reader.open("/papers/" + PAPER, false);
        web.await().until(d -> d.findElements(By.cssSelector(".comment-gone")).size() == 1);
        assertThat(web.browser().findElement(By.cssSelector(".comment-gone")).getText()).isEqualTo("This comment was hidden by a moderator.");
        assertThat(web.browser().findElement(By.cssSelector("ol.replies .comment-body")).getText()).isEqualTo("Thanks, agreed.");
        assertThat(web.browser().findElement(By.cssSelector(".comment-signin")).getText()).contains("Sign in");
        look("signed-out");
    }

    /** At both widths: nothing scrolls sideways; a screenshot of the discussion for the eye. */
    private static void look(String name) throws IOException {
        Files.createDirectories(SHOTS);
        for (int width : new int[] {1280, 390}) {
            web.as(null).viewport(width, width == 390 ? 844 : 900);
            ((JavascriptExecutor) web.browser()).executeScript("document.getElementById('discussion').scrollIntoView()");
            long overflow = (Long) ((JavascriptExecutor) web.browser()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + " at " + width + " px scrolls sideways by").isLessThanOrEqualTo(0);
            Path shot = ((TakesScreenshot) web.browser()).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Typing into a field found by CSS. */
    private static final class WebElementText {
        static void typeInto(WebDriver browser, String css, String text) {
            web.await().until(d -> d.findElement(By.cssSelector(css)).isDisplayed());
            browser.findElement(By.cssSelector(css)).sendKeys(text);
        }
    }
}
