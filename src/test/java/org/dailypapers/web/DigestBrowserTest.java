package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.dailypapers.digest.Subscription;
import org.dailypapers.mail.EmailAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Subscribing from a page's footer in real Chromium, by keyboard, then confirming from the mail (the outbox:
 * no SMTP here). Proves that a browser's own same-site post passes the cross-site check and that nothing
 * the forms need is blocked by the Content-Security-Policy.
 */
class DigestBrowserTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        browser = chromium.browser();
        instance = TestInstance.withFixtures(dataDir, "hf").start();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void subscribe_from_the_footer_with_the_keyboard_and_confirm_from_the_mail() {
        browser.get(instance.url("/papers/date/2026-08-21"));
        var email = browser.findElement(By.id("digest-footer-email"));
        assertThat(browser.findElement(By.cssSelector("label[for=digest-footer-email]")).getAttribute("textContent")).isEqualTo("Email address");
        new Select(browser.findElement(By.id("digest-footer-period"))).selectByValue("weekly");
        email.sendKeys("ada@example.org", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Check your inbox"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("ada@example.org");

        String mail = instance.app().outbox().newest(1).getFirst().text();
        Matcher link = Pattern.compile("http://\\S+/digest/confirm\\?token=[A-Za-z0-9_.-]+").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        browser.get(link.group());
        browser.findElement(By.xpath("//button[.='Confirm my subscription']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Subscription confirmed"));

        Subscription s = instance.app().digests().find(EmailAddress.parse("ada@example.org")).orElseThrow();
        assertThat(s.status()).isEqualTo(Subscription.Status.CONFIRMED);
        assertThat(s.period().id()).isEqualTo("weekly");
    }
}
