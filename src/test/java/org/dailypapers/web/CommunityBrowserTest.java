package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.ArxivReplay;
import org.dailypapers.testing.Chromium;
import org.dailypapers.testing.MutableClock;
import org.dailypapers.testing.ReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The community side in headless Chromium: sign in by following the link from the mail (the outbox, read
 * through /dev/mailbox), upvote and see the count change without a reload, submit a paper whose metadata
 * arXiv (replayed) provides.
 */
class CommunityBrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static ReplayServer arxiv;
    static TestInstance instance;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        arxiv = ArxivReplay.serve(ReplayServer.start(), "id_1605.08386_s0_m100_199195aa31ad");
        instance = TestInstance.withClock(dataDir, Map.of("DAILYPAPERS_ARXIV_API_URL", ArxivReplay.baseUrl(arxiv).toString()),
                new MutableClock(Instant.parse("2016-06-01T16:00:00Z")), "hf/2026-08-21.json").start();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (arxiv != null) {
            arxiv.close();
        }
    }

    /** Waits, retrying when htmx replaced an element between finding and reading it. */
    static org.openqa.selenium.support.ui.FluentWait<WebDriver> await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @Test
    void sign_in_from_the_mail_upvote_and_submit_a_paper() {
        // Signed out, the vote button asks to sign in and changes nothing.
        browser.get(instance.url("/papers/date/2026-08-21"));
        await().until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("Sign in"));
        WebElement firstVotes = browser.findElement(By.cssSelector("article.card .votes"));
        firstVotes.findElement(By.cssSelector("button.vote")).click();
        await().until(d -> d.findElement(By.cssSelector("article.card .vote-status")).getText().contains("sign in"));
        assertThat(browser.findElement(By.cssSelector("article.card .count")).getText()).isEqualTo("163");

        // Ask for a link, read the mail in the local mailbox, follow the link, confirm.
        // The menu's link carries the page it is on, to come back to after signing in.
        browser.findElement(By.cssSelector(".account-menu a[href='/signin?next=%2Fpapers%2Fdate%2F2026-08-21']")).click();
        await().until(d -> d.findElements(By.id("signin-email")).size() == 1);
        browser.findElement(By.id("signin-email")).sendKeys("ada@example.org");
        browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
        await().until(d -> d.getPageSource().contains("We sent a sign-in link"));

        browser.get(instance.url("/dev/mailbox"));
        browser.findElement(By.partialLinkText("sign-in link")).click();
        WebElement link = await().until(d -> d.findElement(By.cssSelector(".mail-text a[href*='/signin/verify']")));
        link.click();
        await().until(d -> d.findElements(By.id("confirm-signin")).size() == 1);
        browser.findElement(By.id("confirm-signin")).click();
        await().until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("ad-"));
        assertThat(browser.getCurrentUrl()).endsWith("/papers/date/2026-08-21");

        // Upvote from the feed: the count changes in place, without a reload.
        browser.get(instance.url("/papers/date/2026-08-21"));
        await().until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("Sign out"));
        WebElement marker = browser.findElement(By.tagName("main"));
        browser.findElement(By.cssSelector("article.card button.vote")).click();
        await().until(d -> d.findElement(By.cssSelector("article.card .count")).getText().equals("164"));
        assertThat(browser.findElement(By.cssSelector("article.card button.vote")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(marker.isDisplayed()).as("same page, no reload").isTrue();

        // A reload keeps both the count and this person's vote state.
        browser.navigate().refresh();
        await().until(d -> "true".equals(d.findElement(By.cssSelector("article.card button.vote")).getAttribute("aria-pressed")));
        assertThat(browser.findElement(By.cssSelector("article.card .count")).getText()).isEqualTo("164");

        // Submit a paper; its metadata comes from the (replayed) arXiv API.
        browser.get(instance.url("/submit"));
        browser.findElement(By.id("submit-paper")).sendKeys("https://arxiv.org/abs/1605.08386");
        browser.findElement(By.cssSelector("form[action='/submit'] button")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/papers/1605.08386"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Heat-bath random walks with Markov bases");
        assertThat(browser.findElement(By.cssSelector(".paper .meta")).getText()).contains("Submitted by ad-");
        await().until(d -> !d.findElements(By.id("links-title")).isEmpty());

        // And upvote it on its own page.
        browser.findElement(By.cssSelector(".paper button.vote")).click();
        await().until(d -> d.findElement(By.cssSelector(".paper .count")).getText().equals("1"));
    }
}
