package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The feed in a real browser: Debian's headless Chromium driven by Selenium (no driver download). */
class BrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        instance = TestInstance.withFixtures(dataDir, "hf", "bad/2026-08-24.json").start();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void open_the_feed_go_back_a_day_and_open_a_paper() {
        browser.get(instance.url("/papers/date/2026-08-21"));
        List<WebElement> cards = browser.findElements(By.cssSelector("article.card"));
        assertThat(cards).hasSize(17);
        assertThat(cards.getFirst().findElement(By.cssSelector(".count")).getText()).isEqualTo("163");
        assertThat(cards.getFirst().findElement(By.cssSelector(".title")).getText())
                .isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
        assertThat(cards.getFirst().getText()).contains("Chengsong Huang and 16 others", "Google", "Code");

        browser.findElement(By.cssSelector("a[rel=prev]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/papers/date/2026-08-20"));
        List<WebElement> previous = browser.findElements(By.cssSelector("article.card"));
        assertThat(previous).hasSize(15);

        WebElement title = previous.getFirst().findElement(By.cssSelector(".title a"));
        String expected = title.getText();
        title.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("article.paper")).size() == 1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(expected);
        assertThat(browser.findElements(By.cssSelector("ul.authors li"))).isNotEmpty();
        assertThat(browser.findElement(By.linkText("PDF")).getAttribute("href")).startsWith("https://arxiv.org/pdf/");
    }

    @Test
    void math_is_rendered_and_script_in_a_title_never_runs() {
        browser.get(instance.url("/papers/2608.90001"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".full-abstract .katex")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("<script>alert(\"title\")</script>");
        // An alert would make every further WebDriver call fail; reading the title proves none opened.
        assertThat(browser.getTitle()).contains("Daily Papers");
    }

    @Test
    void the_feed_works_from_the_keyboard() {
        browser.get(instance.url("/"));
        WebElement skip = browser.switchTo().activeElement();
        skip.sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Skip to content");
        first.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main");
    }
}
