package org.dailypapers.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Through the real pages in headless Chromium: a person claims authorship from a paper page, an administrator
 * accepts it on /admin/claims, the name links to the person's profile; then the person deletes the account.
 * Each screen is looked at 1280 and 390 px wide (nothing scrolls sideways); screenshots land in
 * target/screenshots/claims.
 */
class ClaimsBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots", "claims");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        instance = TestInstance.withEnv(dataDir, ClaimScenarios.env(null), "hf/2026-08-21.json").start();
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

    /** Signs the browser in as {@code email} (a session opened directly: the sign-in flow has its own tests). */
    static String signInAs(String email) {
        var session = instance.app().accounts().openSession(EmailAddress.parse(email));
        browser.get(instance.url("/health"));
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie("dp_session", session.cookie()));
        return session.session().account().handle();
    }

    @Test
    void claim_as_a_person_accept_as_an_administrator_and_see_the_linked_name() throws IOException {
        String handle = signInAs("ada@example.org");
        browser.get(instance.url("/papers/" + ClaimScenarios.PAPER));
        await().until(d -> !d.findElements(By.cssSelector(".claim-box summary")).isEmpty());
        browser.findElement(By.cssSelector(".claim-box summary")).click();
        new Select(browser.findElement(By.id("claim-author"))).selectByVisibleText("Kou Shi");
        scrollTo(".claim-box");
        look("paper-claim-form");
        browser.findElement(By.cssSelector(".claim-box button[type=submit]")).click();
        await().until(d -> d.findElement(By.cssSelector(".claim-box")).getText().contains("is waiting for an administrator"));
        scrollTo(".claim-box");
        look("paper-claim-pending");

        browser.get(instance.url("/account"));
        await().until(d -> d.findElement(By.tagName("main")).getText().contains("Download your data"));
        assertThat(browser.findElement(By.cssSelector(".your-claims")).getText()).contains("as Kou Shi: waiting for an administrator.");
        look("account");

        signInAs(ClaimScenarios.ADMIN);
        browser.get(instance.url("/admin/claims"));
        assertThat(browser.findElement(By.cssSelector(".claim-item")).getText()).contains("@" + handle).contains("Kou Shi");
        look("admin-claims");
        browser.findElement(By.cssSelector(".claim-item form[action$='/accept'] button")).click();
        await().until(d -> d.findElement(By.id("pending")).getText().equals("Waiting (0)"));
        look("admin-claims-decided");

        // Anyone now sees the name linked to the profile: on the feed's card, the paper page and the author page.
        browser.manage().deleteAllCookies();
        browser.get(instance.url("/papers/date/2026-08-21"));
        assertThat(browser.findElement(By.cssSelector("a.claimed-author")).getAttribute("href")).endsWith("/users/" + handle);
        browser.get(instance.url("/papers/" + ClaimScenarios.PAPER));
        var name = browser.findElement(By.cssSelector(".authors a.claimed-author"));
        assertThat(name.getText()).startsWith("Kou Shi");
        look("paper-claimed");
        name.click();
        await().until(d -> d.getCurrentUrl().endsWith("/users/" + handle));
        assertThat(browser.findElement(By.id("papers")).getText()).isEqualTo("Papers (1)");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Submitted (0)").contains("Upvoted (0)");
        look("profile");
        browser.get(instance.url("/authors/Kou%20Shi"));
        assertThat(browser.findElement(By.cssSelector(".claimed-by")).getText()).isEqualTo("Claimed by @" + handle);
        look("author");

        // The person deletes the account: type the handle, confirm; signed out, the name is plain again.
        signInAs("ada@example.org");
        browser.get(instance.url("/account/delete"));
        look("delete");
        browser.findElement(By.id("confirm-handle")).sendKeys(handle);
        browser.findElement(By.cssSelector("form[action='/account/delete'] button")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/account/deleted"));
        await().until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("Sign in"));
        look("deleted");
        browser.get(instance.url("/papers/" + ClaimScenarios.PAPER));
        assertThat(browser.findElements(By.cssSelector("a.claimed-author"))).isEmpty();
    }

    private static void scrollTo(String css) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css);
    }

    /** At both widths: nothing scrolls sideways; a screenshot for the eye. */
    private static void look(String name) throws IOException {
        Files.createDirectories(SHOTS);
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + " at " + width + " px scrolls sideways by").isLessThanOrEqualTo(0);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
