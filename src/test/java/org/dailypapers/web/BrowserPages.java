package org.dailypapers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens pages of a test instance in Chromium as a visitor signed in or out, at an exact viewport, and waits
 * until the page has settled (the htmx account menu answered), for tests that measure or audit pages.
 */
final class BrowserPages {
    private final WebDriver browser;
    private final Function<String, String> url;
    private final String sessionCookie;

    /** @param sessionCookie the {@code dp_session} value of a signed-in visitor */
    BrowserPages(WebDriver browser, Function<String, String> url, String sessionCookie) {
        this.browser = browser;
        this.url = url;
        this.sessionCookie = sessionCookie;
    }

    /** Sets the layout viewport to exactly {@code width} x {@code height} CSS pixels (a phone below 600). */
    void viewport(int width, int height) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Saves what the browser shows as target/screenshots/{@code name}.png, for a person to look at. */
    void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code path} signed in or out and waits for the account menu to be loaded. */
    void open(String path, boolean signedIn) {
        browser.get(url.apply("/health"));
        browser.manage().deleteAllCookies();
        if (signedIn) {
            browser.manage().addCookie(new Cookie("dp_session", sessionCookie, "/"));
        }
        browser.get(url.apply(path));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js(
                "return document.readyState === 'complete' && (!document.querySelector('.account-menu')"
                        + " || performance.getEntriesByType('resource').some(e => e.name.endsWith('/account/menu') && e.responseEnd > 0))")));
        // the menu's answer is swapped in after it arrives: one more frame or two
        js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150))))");
    }

    /** The cumulative layout shift of the current page so far (shifts not caused by input), from Chromium. */
    /** The page's cumulative layout shift so far, and which elements moved (for the assertion's message). */
    record Shift(double value, String moved) {}

    Shift layoutShift() {
        Object value = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let total = 0;
                const moved = [];
                const name = (n) => !n ? '?' : n.nodeType !== 1 ? n.nodeName : n.tagName.toLowerCase()
                        + (n.id ? '#' + n.id : '') + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().replace(/ +/g, '.') : '');
                const add = (entries) => { for (const e of entries) if (!e.hadRecentInput) {
                    total += e.value; for (const s of e.sources || []) moved.push(name(s.node)); } };
                const observer = new PerformanceObserver((list) => add(list.getEntries()));
                observer.observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => { add(observer.takeRecords()); observer.disconnect(); done({ total, moved: moved.join(', ') }); }, 500);
                """);
        java.util.Map<?, ?> result = (java.util.Map<?, ?>) value;
        return new Shift(((Number) result.get("total")).doubleValue(), String.valueOf(result.get("moved")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }
}
