package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (src/test/resources/axe, run inside Chromium) finds no violation on any main page, signed in or
 * out, at desktop and phone width. axe is loaded from the test resources: no network at test time.
 */
class AccessibilityTest {
    /**
     * Every main screen; the signed-out visitor gets the sign-in page for /submit and /account. The search with
     * filters in the wrong order is its form shown again with the refusal beside it.
     */
    static final List<String> PAGES = List.of("/", "/papers/date/2026-08-20", "/papers/week/2026-W34",
            "/papers/month/2026-08", "/papers/trending", "/papers/2608.19880", "/organizations/google",
            "/search?q=agents", "/search?q=agents&from=2026-08-21&to=2026-08-01", "/signin", "/submit", "/account",
            "/account/tokens", "/digest", "/users/taesiri");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dataDir;

    static TestInstance instance;
    static WebDriver browser;
    static BrowserPages pages;
    static String axe;

    @BeforeAll
    static void start() throws IOException {
        browser = chromium.browser();
        instance = TestInstance.withFixtures(dataDir, "hf").start();
        pages = new BrowserPages(browser, instance::url, instance.signedIn("reader@example.org").cookie("dp_session"));
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("axe.min.js is missing from the test resources"));
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void axe_finds_no_violation_on_any_main_page_signed_in_or_out() {
        List<String> violations = new ArrayList<>();
        // desktop signed in and out; the phone layout (other header, same pages) signed in, where the menu is fullest
        for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
            pages.viewport(size[0], size[1]);
            for (boolean signedIn : size[0] < 600 ? new boolean[] {true} : new boolean[] {false, true}) {
                for (String path : PAGES) {
                    pages.open(path, signedIn);
                    String where = path + " (" + (signedIn ? "signed in" : "signed out") + ", " + size[0] + " px)";
                    List<?> found = audit();
                    for (Object v : found) {
                        violations.add(where + ": " + v);
                    }
                }
            }
        }
        assertThat(violations).as("axe-core %s violations", violations.size()).isEmpty();
    }

    @Test
    void the_phone_header_with_its_account_menu_open_has_no_violation_and_every_link_a_name() {
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {390, 320}) {
            pages.viewport(width, 844);
            pages.open("/", true);
            // the disclosure button is a <summary>: a native control that says "collapsed" / "expanded"
            pages.js("document.querySelector('.account-disclosure summary').click()");
            assertThat(pages.js("return document.querySelector('.account-disclosure').open")).isEqualTo(true);
            for (Object v : audit()) {
                violations.add(width + " px, menu open: " + v);
            }
            List<String> names = ((List<?>) pages.js("return [...document.querySelectorAll('.account-disclosure a, .account-disclosure button')]"
                    + ".filter(e => e.checkVisibility()).map(e => e.textContent.trim())")).stream().map(String::valueOf).toList();
            assertThat(names).as("the open menu's links, " + width + " px").containsExactly("Your account", "For you", "Submit", "Sign out");
        }
        assertThat(violations).as("axe-core %s violations", violations.size()).isEmpty();
    }

    /** axe's violations on the current page, each as "rule (impact): help [up to three elements]". */
    private static List<?> audit() {
        ((JavascriptExecutor) browser).executeScript(axe);
        java.util.Map<?, ?> result = (java.util.Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then((r) => done({ passed: r.passes.length, violations: r.violations.map((v) =>
                    v.id + ' (' + v.impact + '): ' + v.help + ' ' + JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target.join(' ')))) }));
                """);
        // an axe that did not load or ran no rule would report nothing: make sure it checked something
        assertThat(((Number) result.get("passed")).intValue()).as("rules axe checked and passed").isGreaterThan(10);
        return (List<?>) result.get("violations");
    }
}
