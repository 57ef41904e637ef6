package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /for-you} in headless Chromium: signed in, pick topics at the first visit, see the list with reasons,
 * press "Not interested" and watch the card go (htmx); screenshots at 1280 and 390 px in target/screenshots/.
 */
class ForYouBrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;
    static BrowserPages pages;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_EMBED", "false"), "hf/2026-08-20.json",
                "hf/2026-08-21.json").start();
        pages = new BrowserPages(browser, instance::url, instance.signedIn("ada@example.org").cookie("dp_session"));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void pick_topics_see_the_list_and_dismiss_a_card() {
        pages.viewport(1280, 900);
        pages.open("/for-you", true);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("For you"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("For you");
        screenshot("for-you-start-1280");
        browser.findElement(By.id("topics")).sendKeys("coding agents\nmemory benchmarks");
        browser.findElement(By.cssSelector("form[action='/for-you/start'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".foryou-start")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".foryou-follows")).getText()).contains("coding agents");
        assertThat(browser.findElements(By.cssSelector(".foryou-item .why"))).isNotEmpty();
        screenshot("for-you-1280");

        int before = browser.findElements(By.cssSelector(".foryou-item article.card")).size();
        String firstTitle = browser.findElement(By.cssSelector(".foryou-item article.card .title")).getText();
        browser.findElement(By.xpath("(//div[@class='foryou-item'])[1]//button[normalize-space()='Not interested']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".foryou-item article.card")).size() == before - 1);
        assertThat(browser.findElement(By.cssSelector(".hidden-note")).getText()).contains("Not interested");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector(".cards")).getText()).doesNotContain(firstTitle);

        pages.viewport(390, 844);
        pages.open("/for-you", true);
        assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        screenshot("for-you-390");
    }

    private static void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
