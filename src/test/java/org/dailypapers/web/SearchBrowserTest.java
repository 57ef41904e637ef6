package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The search results page on a 390 px wide phone, in Debian's headless Chromium, with hybrid search running. */
class SearchBrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        // the default hybrid pipeline (with the fast MiniLM model): its run tag is the long unbreakable line that
        // used to push the page sideways on a phone
        instance = TestInstance.withEnv(dataDir, java.util.Map.of("DAILYPAPERS_SEARCH_MODEL", "all-minilm-l6-v2-q"),
                "hf/2026-08-21.json").start();
        instance.app().search().loadEmbedder();
        instance.app().search().backfill(1_000);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void the_results_page_never_scrolls_sideways_on_a_390_px_phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String q : List.of("video+generation", "author%3A%22Chengsong+Huang%22", "agents&org=google", "xqzvbnmw")) {
            browser.get(instance.url("/search?q=" + q));
            long client = number("return document.documentElement.clientWidth");
            assertThat(client).as("viewport").isBetween(300L, 390L);
            assertThat(number("return document.documentElement.scrollWidth")).as(q).isLessThanOrEqualTo(client);
            // the ranking note, opened, must wrap too
            browser.findElements(By.cssSelector("details.method summary")).forEach(s -> s.click());
            assertThat(number("return document.documentElement.scrollWidth")).as(q + ", note open").isLessThanOrEqualTo(client);
        }
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
