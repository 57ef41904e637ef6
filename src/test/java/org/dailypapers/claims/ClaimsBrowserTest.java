package org.dailypapers.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dailypapers.web.BrowserInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;

/**
 * Through the real pages in headless Chromium: a person claims authorship from a paper page, an administrator
 * accepts it on /admin/claims, the name links to the person's profile; then the person deletes the account.
 * Each screen is looked at 1280 and 390 px wide (nothing scrolls sideways); screenshots land in
 * target/screenshots/claims.
 */
class ClaimsBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots", "claims");

    @RegisterExtension
    static final BrowserInstance web = BrowserInstance.withFixtures("hf/2026-08-21.json").env(ClaimScenarios.env(null));

    @Test
    void claim_as_a_person_accept_as_an_administrator_and_see_the_linked_name() throws IOException {
        String handle = web.signInAs("ada@example.org");
        web.browser().get(web.instance().url("/papers/" + ClaimScenarios.PAPER));
        web.await().until(d -> !d.findElements(By.cssSelector(".claim-box summary")).isEmpty());
        web.browser().findElement(By.cssSelector(".claim-box summary")).click();
        new Select(web.browser().findElement(By.id("claim-author"))).selectByVisibleText("Kou Shi");
        scrollTo(".claim-box");
        look("paper-claim-form");
        web.browser().findElement(By.cssSelector(".claim-box button[type=submit]")).click();
        web.await().until(d -> d.findElement(By.cssSelector(".claim-box")).getText().contains("is waiting for an administrator"));
        scrollTo(".claim-box");
        look("paper-claim-pending");

        web.browser().get(web.instance().url("/account"));
        web.await().until(d -> d.findElement(By.tagName("main")).getText().contains("Download your data"));
        assertThat(web.browser().findElement(By.cssSelector(".your-claims")).getText()).contains("as Kou Shi: waiting for an administrator.");
        look("account");

        web.signInAs(ClaimScenarios.ADMIN);
        web.browser().get(web.instance().url("/admin/claims"));
        assertThat(web.browser().findElement(By.cssSelector(".claim-item")).getText()).contains("@" + handle).contains("Kou Shi");
        look("admin-claims");
        web.browser().findElement(By.cssSelector(".claim-item form[action$='/accept'] button")).click();
        web.await().until(d -> d.findElement(By.id("pending")).getText().equals("Waiting (0)"));
        look("admin-claims-decided");

        // Anyone now sees the name linked to the profile: on the feed's card, the paper page and the author page.
        web.browser().manage().deleteAllCookies();
        web.browser().get(web.instance().url("/papers/date/2026-08-21"));
        assertThat(web.browser().findElement(By.cssSelector("a.claimed-author")).getAttribute("href")).endsWith("/users/" + handle);
        web.browser().get(web.instance().url("/papers/" + ClaimScenarios.PAPER));
        var name = web.browser().findElement(By.cssSelector(".authors a.claimed-author"));
        assertThat(name.getText()).startsWith("Kou Shi");
        look("paper-claimed");
        name.click();
        web.await().until(d -> d.getCurrentUrl().endsWith("/users/" + handle));
        assertThat(web.browser().findElement(By.id("papers")).getText()).isEqualTo("Papers (1)");
        assertThat(web.browser().findElement(By.cssSelector("main")).getText()).contains("Submitted (0)").contains("Upvoted (0)");
        look("profile");
        web.browser().get(web.instance().url("/authors/Kou%20Shi"));
        assertThat(web.browser().findElement(By.cssSelector(".claimed-by")).getText()).isEqualTo("Claimed by @" + handle);
        look("author");

        // The person deletes the account: type the handle, confirm; signed out, the name is plain again.
        web.signInAs("ada@example.org");
        web.browser().get(web.instance().url("/account/delete"));
        look("delete");
        web.browser().findElement(By.id("confirm-handle")).sendKeys(handle);
        web.browser().findElement(By.cssSelector("form[action='/account/delete'] button")).click();
        web.await().until(d -> d.getCurrentUrl().endsWith("/account/deleted"));
        web.await().until(d -> d.findElement(By.cssSelector(".account-menu")).getText().contains("Sign in"));
        look("deleted");
        web.browser().get(web.instance().url("/papers/" + ClaimScenarios.PAPER));
        assertThat(web.browser().findElements(By.cssSelector("a.claimed-author"))).isEmpty();
    }

    private static void scrollTo(String css) {
        ((JavascriptExecutor) web.browser()).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css);
    }

    /** At both widths: nothing scrolls sideways; a screenshot for the eye. */
    private static void look(String name) throws IOException {
        Files.createDirectories(SHOTS);
        for (int width : new int[] {1280, 390}) {
            web.browser().manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            long overflow = (Long) ((JavascriptExecutor) web.browser()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + " at " + width + " px scrolls sideways by").isLessThanOrEqualTo(0);
            Path shot = ((TakesScreenshot) web.browser()).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        web.browser().manage().window().setSize(new Dimension(1280, 900));
    }
}
