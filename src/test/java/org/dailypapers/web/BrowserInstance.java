package org.dailypapers.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a browser test class needs, as one JUnit extension: a headless Chromium, a started {@link TestInstance}
 * on a data directory of its own (fixtures imported, {@code DAILYPAPERS_*} settings applied) and, when asked,
 * {@link BrowserPages} for a visitor signed in by a session opened directly (the sign-in flow has its own tests).
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserInstance web = BrowserInstance.withFixtures("hf/2026-08-21.json").signedIn("ada@example.org");
 * }</pre>
 * Everything is made before the class's tests and closed, and the directory removed, after them.
 */
public final class BrowserInstance implements BeforeAllCallback, AfterAllCallback {
    private final String[] fixtures;
    private final Map<String, String> env;
    private final String signedIn;
    private final Chromium chromium = new Chromium();
    private Path dataDir;
    private TestInstance instance;
    private BrowserPages pages;

    private BrowserInstance(String[] fixtures, Map<String, String> env, String signedIn) {
        this.fixtures = fixtures;
        this.env = env;
        this.signedIn = signedIn;
    }

    /** An instance with these fixtures (paths under the test resources' {@code fixtures/}) imported. */
    public static BrowserInstance withFixtures(String... fixtures) {
        return new BrowserInstance(fixtures.clone(), Map.of(), null);
    }

    /** This, configured by {@code env} ({@code DAILYPAPERS_*} variables). */
    public BrowserInstance env(Map<String, String> env) {
        return new BrowserInstance(fixtures, Map.copyOf(env), signedIn);
    }

    /** This, with {@link #pages()} for the person of {@code email} (an account made when new). */
    public BrowserInstance signedIn(String email) {
        return new BrowserInstance(fixtures, env, email);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium.beforeAll(context);
        dataDir = Files.createTempDirectory("dailypapers-browser-test");
        instance = TestInstance.withEnv(dataDir, env, fixtures).start();
        if (signedIn != null) {
            pages = new BrowserPages(chromium.browser(), instance::url, instance.signedIn(signedIn).cookie("dp_session"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (instance != null) {
                instance.close();
            }
        } finally {
            instance = null;
            pages = null;
            chromium.afterAll(context);
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    public TestInstance instance() {
        return running(instance);
    }

    public WebDriver browser() {
        return chromium.browser();
    }

    /** The pages of the visitor named by {@link #signedIn}. */
    BrowserPages pages() {
        if (signedIn == null) {
            throw new IllegalStateException("no visitor: register the extension with .signedIn(email)");
        }
        return running(pages);
    }

    /** Pages for the person of {@code email}, in a session of their own; signed out when {@code email} is null. */
    BrowserPages as(String email) {
        String cookie = email == null ? null : instance().app().accounts().openSession(EmailAddress.parse(email)).cookie();
        return new BrowserPages(browser(), instance()::url, cookie);
    }

    /** Signs the browser in as {@code email} in a new session (all other cookies dropped); returns their handle. */
    public String signInAs(String email) {
        var session = instance().app().accounts().openSession(EmailAddress.parse(email));
        browser().get(instance().url("/health"));
        browser().manage().deleteAllCookies();
        browser().manage().addCookie(new Cookie("dp_session", session.cookie()));
        return session.session().account().handle();
    }

    /** A wait of up to 15 s that retries an element htmx replaced meanwhile. */
    public FluentWait<WebDriver> await() {
        return new WebDriverWait(browser(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    private static <T> T running(T value) {
        if (value == null) {
            throw new IllegalStateException("not running: register BrowserInstance as a static @RegisterExtension field");
        }
        return value;
    }
}
