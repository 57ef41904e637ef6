package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.ArxivReplay;
import org.dailypapers.testing.Chromium;
import org.dailypapers.testing.ReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The forms that must keep people where they were, in real Chromium: signing in from a page comes back to it
 * (through the development mailbox the "we sent a link" page points to), a refused submission keeps the typed
 * id, and a new subscriber reaches the manage page from the confirmation. Each screen is checked at 1400 and
 * 390 px wide for sideways scrolling; screenshots land in target/screenshots/forms for a person to look at.
 */
class FormsBrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    static final Path SHOTS = Path.of("target", "screenshots", "forms");

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        ReplayServer closed = ReplayServer.start();
        String nowhere = ArxivReplay.baseUrl(closed).toString();
        closed.close(); // arXiv unreachable: the connection is refused
        instance = TestInstance.withEnv(dataDir, Map.of("DAILYPAPERS_ARXIV_API_URL", nowhere), "hf").start();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void sign_in_returns_to_the_page_then_refused_submissions_keep_the_id_then_subscribe_and_manage() throws IOException {
        browser.get(instance.url("/papers/date/2026-08-21"));
        browser.manage().deleteAllCookies(); // signed out, whichever test ran first
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> d.findElement(By.cssSelector(".account-menu a")).getAttribute("href").contains("next="));
        browser.findElement(By.cssSelector(".account-menu a")).click();
        wait.until(d -> d.getTitle().startsWith("Sign in"));
        // the email field has the focus at once: no tabbing through the header to reach it
        wait.until(d -> "signin-email".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        look("signin");
        browser.findElement(By.id("signin-email")).sendKeys("ada@example.org");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        wait.until(d -> d.getPageSource().contains("We sent a sign-in link"));
        look("signin-sent");
        browser.findElement(By.linkText("development mailbox")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dev/mailbox"));
        String mail = instance.app().outbox().newest(1).getFirst().text();
        Matcher link = Pattern.compile("http://\\S+/signin/verify\\?\\S+").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        browser.get(link.group());
        browser.findElement(By.id("confirm-signin")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/papers/date/2026-08-21"));

        browser.get(instance.url("/submit"));
        submit("2608.19880");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("already on the feed");
        assertThat(browser.findElement(By.id("submit-paper")).getAttribute("value")).isEqualTo("2608.19880");
        assertThat(browser.findElement(By.linkText("See 2608.19880 on the feed")).getAttribute("href")).endsWith("/papers/2608.19880");
        look("submit-on-feed");
        submit("2699.99999");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("there is no month 99");
        submit("2608.00001");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("arXiv could not be reached")
                .doesNotContain("Exception");
        assertThat(browser.findElement(By.id("submit-paper")).getAttribute("value")).isEqualTo("2608.00001");
        look("submit-unreachable");

        browser.get(instance.url("/digest"));
        assertThat(browser.findElements(By.cssSelector("form[action='/digest/subscribe']"))).hasSize(1);
        look("digest");
        browser.findElement(By.id("digest-email")).sendKeys("ada@example.org");
        browser.findElement(By.id("digest-topics")).sendKeys("agents");
        browser.findElement(By.cssSelector("form.digest-form button")).click();
        wait.until(d -> d.getTitle().startsWith("Check your inbox"));
        look("digest-check-inbox");
        Matcher confirm = Pattern.compile("http://\\S+/digest/confirm\\?token=[A-Za-z0-9_.-]+")
                .matcher(instance.app().outbox().newest(1).getFirst().text());
        assertThat(confirm.find()).isTrue();
        browser.get(confirm.group());
        look("digest-confirm");
        browser.findElement(By.xpath("//button[.='Confirm my subscription']")).click();
        wait.until(d -> d.getTitle().startsWith("Subscription confirmed"));
        look("digest-confirmed");
        browser.findElement(By.partialLinkText("Change the period or topics")).click();
        wait.until(d -> d.getTitle().startsWith("Your digest"));
        assertThat(browser.findElement(By.id("manage-topics")).getAttribute("value")).isEqualTo("agents");
        assertThat(browser.findElements(By.cssSelector("form[action='/digest/subscribe']"))).isEmpty();
        look("digest-manage");
        var topics = browser.findElement(By.id("manage-topics"));
        topics.clear();
        topics.sendKeys("agents\nretrieval\ndiffusion\nrobotics\nspeech\nvision");
        browser.findElement(By.cssSelector("form[action='/digest/manage'] button")).click();
        wait.until(d -> d.getTitle().startsWith("Not saved"));
        assertThat(browser.findElement(By.id("manage-error")).getText()).contains("at most 5 topics, not 6");
        assertThat(focused()).isEqualTo("manage-topics");
        assertThat(browser.findElement(By.id("manage-topics")).getAttribute("value")).endsWith("speech\nvision");
        look("digest-manage-refused");
        topics = browser.findElement(By.id("manage-topics"));
        topics.clear();
        topics.sendKeys("agents\nretrieval");
        browser.findElement(By.cssSelector("form[action='/digest/manage'] button")).click();
        wait.until(d -> d.getTitle().startsWith("Digest settings saved"));
    }

    @Test
    void refused_forms_show_again_with_what_was_typed_and_why_and_dead_ends_lead_on() throws IOException {
        browser.get(instance.url("/health"));
        browser.manage().deleteAllCookies(); // signed out, whichever test ran first
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // signed out, For you leads to sign-in and back
        browser.get(instance.url("/for-you"));
        wait.until(d -> d.getCurrentUrl().endsWith("/signin?next=%2Ffor-you"));
        browser.findElement(By.id("signin-email")).sendKeys("x@y"); // the browser's type=email accepts it
        browser.findElement(By.cssSelector("form.stacked button")).click();
        wait.until(d -> d.getTitle().startsWith("Not sent"));
        assertThat(browser.findElement(By.id("signin-error")).getText()).contains("'x@y' is not an email address");
        assertThat(browser.findElement(By.id("signin-email")).getAttribute("value")).isEqualTo("x@y");
        assertThat(browser.findElement(By.id("signin-email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(focused()).isEqualTo("signin-email");
        assertThat(browser.findElement(By.name("next")).getAttribute("value")).isEqualTo("/for-you");
        look("signin-refused");
        var email = browser.findElement(By.id("signin-email"));
        email.clear();
        email.sendKeys("grace@example.org");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        wait.until(d -> d.getPageSource().contains("We sent a sign-in link"));
        Matcher link = Pattern.compile("http://\\S+/signin/verify\\?\\S+").matcher(instance.app().outbox().newest(1).getFirst().text());
        assertThat(link.find()).isTrue();
        browser.get(link.group());
        browser.findElement(By.id("confirm-signin")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/for-you"));

        // the link again: why not, and a way to a new one that returns to the same page
        browser.get(link.group());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("already used");
        assertThat(browser.findElement(By.linkText("Ask for a new sign-in link")).getAttribute("href")).endsWith("/signin?next=%2Ffor-you");
        look("signin-link-used");

        // For you in the digest, without a digest: said beside the setting
        browser.get(instance.url("/for-you"));
        browser.findElement(By.cssSelector(".digest-opt input")).click();
        browser.findElement(By.cssSelector("form.foryou-blend button")).click();
        wait.until(d -> !d.findElements(By.id("digest-need")).isEmpty());
        assertThat(browser.findElement(By.id("digest-need")).getText()).contains("grace@example.org").contains("no digest subscription");
        assertThat(browser.findElement(By.linkText("subscribe to the digest")).getAttribute("href")).endsWith("/digest");
        look("foryou-digest-need");

        // the footer's subscribe form, refused: /digest's form with everything typed
        browser.get(instance.url("/papers/date/2026-08-21"));
        browser.findElement(By.id("digest-footer-email")).sendKeys("x@y");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("digest-footer-period"))).selectByValue("weekly");
        browser.findElement(By.cssSelector(".digest-footer summary")).click();
        browser.findElement(By.id("digest-footer-topics")).sendKeys("agents");
        browser.findElement(By.cssSelector(".digest-footer button")).click();
        wait.until(d -> d.getTitle().startsWith("Not subscribed"));
        assertThat(browser.findElement(By.id("digest-error")).getText()).contains("'x@y' is not an email address");
        assertThat(browser.findElement(By.id("digest-email")).getAttribute("value")).isEqualTo("x@y");
        assertThat(browser.findElement(By.cssSelector("input[name=period][value=weekly]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("digest-topics")).getAttribute("value")).isEqualTo("agents");
        assertThat(focused()).isEqualTo("digest-email");
        look("digest-refused");

        // search filters in the wrong order: the search page with everything kept
        browser.get(instance.url("/search?q=agents&from=2026-08-21&to=2026-08-01&cat=cs.CL"));
        assertThat(browser.findElement(By.id("search-error")).getText()).contains("from 2026-08-21 is after to 2026-08-01");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("agents");
        assertThat(browser.findElement(By.name("from")).getAttribute("value")).isEqualTo("2026-08-21");
        assertThat(browser.findElement(By.name("to")).getAttribute("value")).isEqualTo("2026-08-01");
        assertThat(browser.findElement(By.name("cat")).getAttribute("value")).isEqualTo("cs.CL");
        assertThat((String) ((JavascriptExecutor) browser).executeScript("return document.activeElement.name")).isEqualTo("from");
        look("search-refused");
    }

    private static String focused() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.activeElement.id");
    }

    private void submit(String id) {
        var field = browser.findElement(By.id("submit-paper"));
        field.clear();
        field.sendKeys(id);
        browser.findElement(By.cssSelector("form[action='/submit'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("[role=alert]")).size() == 1
                && d.findElement(By.id("submit-paper")).getAttribute("value").equals(id));
    }

    /** At both widths: nothing scrolls sideways; a screenshot for the eye. */
    private static void look(String name) throws IOException {
        Files.createDirectories(SHOTS);
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(name + " at " + width + " px scrolls sideways by").isLessThanOrEqualTo(0);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1200, 900));
    }
}
