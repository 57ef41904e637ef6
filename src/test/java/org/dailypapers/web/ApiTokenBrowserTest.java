package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * {@code /account/tokens} in real Chromium: reached from the account page, a token made through the form is shown
 * once (labelled, announced), listed by name without its secret, and revoked with the row's button; at 1280 and
 * 390 px nothing scrolls sideways. Screenshots land in target/screenshots/tokens.
 */
class ApiTokenBrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    static final Path SHOTS = Path.of("target", "screenshots", "tokens");

    @TempDir
    Path dataDir;

    @Test
    void make_see_once_and_revoke_a_token_through_the_page() throws Exception {
        WebDriver browser = chromium.browser();
        try (TestInstance instance = TestInstance.withFixtures(dataDir).start()) {
            BrowserPages pages = new BrowserPages(browser, instance::url, instance.signedIn("ada@example.org").cookie("dp_session"));
            pages.open("/account", true);
            browser.findElement(By.linkText("API tokens")).click();
            assertThat(browser.getTitle()).startsWith("API tokens");
            look(browser, pages, "empty");

            browser.findElement(By.id("token-name")).sendKeys("reading list script");
            browser.findElement(By.cssSelector("form[action='/account/tokens'] button")).click();
            String secret = browser.findElement(By.id("new-token")).getAttribute("value");
            assertThat(secret).matches("dp_[A-Za-z0-9_-]{43}");
            assertThat(browser.findElement(By.cssSelector(".token-created")).getAttribute("role")).isEqualTo("status");
            assertThat(browser.findElement(By.cssSelector("label[for='new-token']")).getText()).isNotBlank();
            assertThat(browser.findElement(By.cssSelector(".token-list")).getText()).contains("reading list script", "never");
            look(browser, pages, "made");

            pages.open("/account/tokens", true);
            assertThat(browser.getPageSource()).doesNotContain(secret);
            browser.findElement(By.cssSelector("button[aria-label='Revoke reading list script']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/account/tokens");
            assertThat(browser.findElements(By.cssSelector(".token-list"))).isEmpty();
        }
    }

    private static void look(WebDriver browser, BrowserPages pages, String name) throws Exception {
        Files.createDirectories(SHOTS);
        for (int width : new int[] {1280, 390}) {
            pages.viewport(width, width == 390 ? 844 : 900);
            long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + " at " + width + " px scrolls sideways by").isLessThanOrEqualTo(0);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        pages.viewport(1280, 900);
    }
}
