package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /account/tokens} in real Chromium: reached from the account page, a token made through the form is shown
 * once (labelled, announced, whole on the screen, copied by its Copy button), listed by name without its secret,
 * and revoked with the row's button; at 1280 and 390 px nothing scrolls sideways. Screenshots land in target/screenshots/tokens.
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
            for (int width : new int[] {1280, 390}) {
                pages.viewport(width, 900);
                assertShownWholeAndCopied(browser, pages, "new-token", width + " px");
            }
            pages.viewport(1280, 900);

            pages.open("/account/tokens", true);
            assertThat(browser.getPageSource()).doesNotContain(secret);
            browser.findElement(By.cssSelector("button[aria-label='Revoke reading list script']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/account/tokens");
            assertThat(browser.findElements(By.cssSelector(".token-list"))).isEmpty();
        }
    }

    /**
     * The secret in field {@code id} is on the screen whole: nothing scrolled out of the field, and the line as tall
     * as the underscore's descender (an input's "normal" line height cut it off: "dp_75RN" read "dp 75RN"); its Copy
     * button puts it on the clipboard. Also for the private feed's addresses (FeedsBrowserTest).
     */
    static void assertShownWholeAndCopied(WebDriver browser, BrowserPages pages, String id, String where) {
        Map<?, ?> field = (Map<?, ?>) pages.js("""
                const f = document.getElementById(arguments[0]), style = getComputedStyle(f);
                const c = document.createElement('canvas').getContext('2d');
                c.font = style.font;
                const m = c.measureText(f.value);
                const line = style.lineHeight === 'normal' ? m.fontBoundingBoxAscent + m.fontBoundingBoxDescent : parseFloat(style.lineHeight);
                return { below: m.fontBoundingBoxDescent + (line - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2,
                         underscore: c.measureText('_').actualBoundingBoxDescent,
                         sideways: f.scrollWidth - f.clientWidth, down: f.scrollHeight - f.clientHeight };""", id);
        assertThat(((Number) field.get("sideways")).doubleValue()).as(id + " scrolled sideways at " + where).isLessThanOrEqualTo(0);
        assertThat(((Number) field.get("down")).doubleValue()).as(id + " scrolled down at " + where).isLessThanOrEqualTo(0);
        assertThat(((Number) field.get("below")).doubleValue()).as(id + ": room under the baseline for '_' at " + where)
                .isGreaterThanOrEqualTo(((Number) field.get("underscore")).doubleValue());
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of("origin", pages.js("return location.origin"),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        pages.js("return navigator.clipboard.writeText('')"); // what was copied before cannot pass for this
        WebElement box = browser.findElement(By.id(id)).findElement(By.xpath("ancestor::div[@class='copy-box']"));
        box.findElement(By.cssSelector("button.copy")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> box.findElement(By.cssSelector(".copy-status")).getText().equals("Copied."));
        Object copied = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, (e) => done('failed: ' + e));");
        assertThat(copied).as("the clipboard after Copy at " + where).isEqualTo(browser.findElement(By.id(id)).getAttribute("value"));
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
