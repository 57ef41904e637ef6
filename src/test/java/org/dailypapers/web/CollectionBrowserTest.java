package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Collections in headless Chromium through the real pages: make a collection, save a paper to it from a card's
 * menu (no reload), make another from the menu, see both on the collection page, export its BibTeX, and open
 * a paper's Cite. Screenshots at 1280 and 390 px go to target/screenshots/collections-*.png.
 */
class CollectionBrowserTest {
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
        instance = TestInstance.withFixtures(dataDir, "hf/2026-08-21.json").start();
        pages = new BrowserPages(browser, instance::url, instance.signedIn("ada@example.org").cookie("dp_session"));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    static FluentWait<WebDriver> await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @Test
    void make_a_collection_save_a_paper_from_a_card_and_export_bibtex() {
        pages.viewport(1280, 900);
        pages.open("/collections", true);
        browser.findElement(By.id("new-name")).sendKeys("Reading list");
        browser.findElement(By.cssSelector("input[name=visibility][value=public]")).click();
        browser.findElement(By.cssSelector("form[action='/collections'] button[type=submit]")).click();
        await().until(d -> d.findElements(By.cssSelector(".collection h1")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".collection h1")).getText()).isEqualTo("Reading list");
        String collection = browser.getCurrentUrl().replaceAll("^.*/collections/([^/?#]+).*$", "$1");

        // From the feed: open the first card's Save menu, tick the collection; the page is not reloaded.
        pages.open("/papers/date/2026-08-21", true);
        WebElement marker = browser.findElement(By.tagName("main"));
        WebElement card = browser.findElement(By.cssSelector("article.card"));
        String paper = card.findElement(By.cssSelector(".title a")).getAttribute("href").replaceAll("^.*/papers/", "");
        card.findElement(By.cssSelector(".collect summary")).click();
        WebElement box = await().until(d -> d.findElement(By.cssSelector("article.card .collect-menu input[type=checkbox]")));
        assertThat(card.findElement(By.cssSelector(".collect-menu label")).getText()).contains("Reading list");
        box.click();
        await().until(d -> d.findElement(By.cssSelector("article.card .collect-status")).getText().equals("Saved to Reading list."));
        screenshot("collections-menu-1280");

        // Escape closes the menu; a second collection, made in the second card's menu, holds that card's paper.
        box.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        await().until(d -> d.findElement(By.cssSelector("article.card .collect")).getAttribute("open") == null);
        WebElement second = browser.findElements(By.cssSelector("article.card")).get(1);
        second.findElement(By.cssSelector(".collect summary")).click();
        WebElement name = await().until(d -> second.findElement(By.cssSelector(".collect-new input[name=name]")));
        name.sendKeys("Later");
        second.findElement(By.cssSelector(".collect-new button")).click();
        await().until(d -> second.findElement(By.cssSelector(".collect-status")).getText().contains("Made 'Later'"));
        assertThat(second.findElement(By.cssSelector(".collect-menu input[type=checkbox]:checked")).getAttribute("hx-vals")).isNotBlank();
        assertThat(marker.isDisplayed()).as("same page, no reload").isTrue();

        // The collection page lists the paper; its BibTeX export is the @misc entry.
        pages.open("/collections/" + collection, true);
        assertThat(browser.findElement(By.cssSelector(".collection-items")).getText()).contains("Move down");
        assertThat(browser.findElements(By.cssSelector(".collection-items > li"))).hasSize(1);
        String href = browser.findElement(By.linkText("Export BibTeX")).getAttribute("href");
        String bib = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        assertThat(bib).startsWith("@misc{").contains("eprint={" + paper + "}").contains("archivePrefix={arXiv}");
        screenshot("collections-page-1280");
        pages.viewport(390, 844);
        pages.open("/collections/" + collection, true);
        assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        screenshot("collections-page-390");
        pages.open("/collections", true);
        assertThat(browser.findElement(By.cssSelector(".collection-rows")).getText()).contains("Reading list").contains("Later");
        screenshot("collections-mine-390");
        pages.open("/papers/date/2026-08-21", true);
        browser.findElement(By.cssSelector("article.card .collect summary")).click();
        await().until(d -> d.findElements(By.cssSelector("article.card .collect-menu input[type=checkbox]:checked")).size() == 1);
        assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        screenshot("collections-menu-390");
    }

    @Test
    void a_paper_page_has_cite_with_the_bibtex_and_both_downloads() {
        for (int width : new int[] {1280, 390}) {
            pages.viewport(width, 900);
            pages.open("/papers/2608.19880", false);
            browser.findElement(By.cssSelector(".cite summary")).click();
            WebElement bibtex = browser.findElement(By.cssSelector(".cite pre.bibtex"));
            assertThat(bibtex.getText()).startsWith("@misc{").contains("eprint={2608.19880}");
            assertThat(browser.findElement(By.linkText("Download BibTeX")).getAttribute("href")).endsWith("/papers/2608.19880/cite.bib");
            browser.findElement(By.cssSelector(".cite button.copy")).click();
            await().until(d -> !d.findElement(By.cssSelector(".cite .copy-status")).getText().isEmpty());
            // Signed out, the Save menu asks to sign in.
            browser.findElement(By.cssSelector(".actions .collect summary")).click();
            await().until(d -> d.findElement(By.cssSelector(".actions .collect-menu")).getText().contains("sign in"));
            assertThat(pages.number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
            screenshot("collections-cite-" + width);
        }
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
