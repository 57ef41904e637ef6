package org.dailypapers.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for browser tests: the installed driver, nothing downloaded.
 * As a JUnit extension ({@code @RegisterExtension static final Chromium chromium = new Chromium();}) it starts one
 * browser before a class's tests and quits it after them, removing its profile.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path profiles;
    private WebDriver browser;

    /** The browser of the running test class. */
    public WebDriver browser() {
        if (browser == null) {
            throw new IllegalStateException("no browser: register Chromium as a static @RegisterExtension field");
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profiles = Files.createTempDirectory("dailypapers-chromium");
        browser = start(profiles);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            browser = null;
            try (Stream<Path> files = Files.walk(profiles)) {
                // Children first; a file Chromium left locked is not worth failing the tests for.
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Fails with how to install them when Chromium or ChromeDriver is missing; otherwise starts a headless
     * browser (1200x900, no network of its own: no updates, sync or QUIC) whose profile is a new directory
     * under {@code dir}. The caller quits it.
     */
    public static WebDriver start(Path dir) {
        assertThat(CHROMIUM).as("Chromium is needed: apt-get install chromium chromium-driver (./run-tests does it)").exists();
        assertThat(CHROMEDRIVER).as("ChromeDriver is needed: apt-get install chromium-driver (./run-tests does it)").exists();
        Path profile;
        try {
            profile = Files.createTempDirectory(dir, "chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
