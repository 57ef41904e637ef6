package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Collections in headless Chromium through the real pages: make a collection, save a paper to it from a card's
 * menu (no reload), make another from the menu, see both on the collection page, export its BibTeX, and open
 * a paper's Cite. Screenshots at 1280 and 390 px go to target/screenshots/collections-*.png.
 */
class CollectionBrowserTest {
    @RegisterExtension
    static final BrowserInstance web = BrowserInstance.withFixtures("hf/2026-08-21.json").signedIn("ada@example.org");

    @Test
    void make_a_collection_save_a_paper_from_a_card_and_export_bibtex() {
        web.pages().viewport(1280, 900);
        web.pages().open("/collections", true);
        web.browser().findElement(By.id("new-name")).sendKeys("Reading list");
        web.browser().findElement(By.cssSelector("input[name=visibility][value=public]")).click();
        web.browser().findElement(By.cssSelector("form[action='/collections'] button[type=submit]")).click();
        web.await().until(d -> d.findElements(By.cssSelector(".collection h1")).size() == 1);
        assertThat(web.browser().findElement(By.cssSelector(".collection h1")).getText()).isEqualTo("Reading list");
        String collection = web.browser().getCurrentUrl().replaceAll("^.*/collections/([^/?#]+).*$", "$1");

        // From the feed: open the first card's Save menu, tick the collection; the page is not reloaded.
        web.pages().open("/papers/date/2026-08-21", true);
        WebElement marker = web.browser().findElement(By.tagName("main"));
        WebElement card = web.browser().findElement(By.cssSelector("article.card"));
        String paper = card.findElement(By.cssSelector(".title a")).getAttribute("href").replaceAll("^.*/papers/", "");
        card.findElement(By.cssSelector(".collect summary")).click();
        WebElement box = web.await().until(d -> d.findElement(By.cssSelector("article.card .collect-menu input[type=checkbox]")));
        assertThat(card.findElement(By.cssSelector(".collect-menu label")).getText()).contains("Reading list");
        box.click();
        web.await().until(d -> d.findElement(By.cssSelector("article.card .collect-status")).getText().equals("Saved to Reading list."));
        web.pages().screenshot("collections-menu-1280");

        // Escape closes the menu; a second collection, made in the second card's menu, holds that card's paper.
        box.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        web.await().until(d -> d.findElement(By.cssSelector("article.card .collect")).getAttribute("open") == null);
        WebElement second = web.browser().findElements(By.cssSelector("article.card")).get(1);
        second.findElement(By.cssSelector(".collect summary")).click();
        WebElement name = web.await().until(d -> second.findElement(By.cssSelector(".collect-new input[name=name]")));
        name.sendKeys("Later");
        second.findElement(By.cssSelector(".collect-new button")).click();
        web.await().until(d -> second.findElement(By.cssSelector(".collect-status")).getText().contains("Made 'Later'"));
        assertThat(second.findElement(By.cssSelector(".collect-menu input[type=checkbox]:checked")).getAttribute("hx-vals")).isNotBlank();
        assertThat(marker.isDisplayed()).as("same page, no reload").isTrue();

        // The collection page lists the paper; its BibTeX export is the @misc entry.
        web.pages().open("/collections/" + collection, true);
        assertThat(web.browser().findElement(By.cssSelector(".collection-items")).getText()).contains("Move down");
        assertThat(web.browser().findElements(By.cssSelector(".collection-items > li"))).hasSize(1);
        String href = web.browser().findElement(By.linkText("Export BibTeX")).getAttribute("href");
        String bib = (String) ((JavascriptExecutor) web.browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        assertThat(bib).startsWith("@misc{").contains("eprint={" + paper + "}").contains("archivePrefix={arXiv}");
        web.pages().screenshot("collections-page-1280");
        web.pages().viewport(390, 844);
        web.pages().open("/collections/" + collection, true);
        assertThat(web.pages().number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        web.pages().screenshot("collections-page-390");
        web.pages().open("/collections", true);
        assertThat(web.browser().findElement(By.cssSelector(".collection-rows")).getText()).contains("Reading list").contains("Later");
        web.pages().screenshot("collections-mine-390");
        web.pages().open("/papers/date/2026-08-21", true);
        web.browser().findElement(By.cssSelector("article.card .collect summary")).click();
        web.await().until(d -> d.findElements(By.cssSelector("article.card .collect-menu input[type=checkbox]:checked")).size() == 1);
        assertThat(web.pages().number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
        web.pages().screenshot("collections-menu-390");
    }

    /** "(private)" after a name on two lines was squeezed beside it and broke mid-word: "(pri / vat / e)". */
    @Test
    void the_save_menu_keeps_private_whole_after_a_long_name() {
        // a person of their own: the other test's menus list only its collections
        var owner = web.instance().app().accounts().openSession(org.dailypapers.mail.EmailAddress.parse("grace@example.org")).session().account();
        web.instance().app().collections().create(owner, "Agents that reason over very long documents and tables", "", false);
        BrowserPages grace = web.as("grace@example.org");
        for (int width : new int[] {1400, 390}) {
            grace.viewport(width, 900);
            grace.open("/papers/2608.19880", true);
            web.browser().findElement(By.cssSelector(".actions .collect summary")).click();
            web.await().until(d -> !d.findElements(By.cssSelector(".actions .collect-menu .private")).isEmpty());
            Number lines = (Number) grace.js("""
                    const label = [...document.querySelectorAll('.actions .collect-list label')].find((l) => l.textContent.includes('very long'));
                    const range = document.createRange();
                    range.selectNodeContents(label.querySelector('.private'));
                    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;""");
            assertThat(lines.intValue()).as("lines '(private)' is on at " + width + " px").isEqualTo(1);
            grace.screenshot("collections-private-" + width);
        }
    }

    @Test
    void a_collection_named_with_markup_is_shown_as_text_when_a_paper_is_saved_to_it() {
        String hostile = "<img src=x onerror=alert(1)>Odd <b>name</b>";
        web.pages().viewport(1280, 900);
        web.pages().open("/collections", true);
        web.browser().findElement(By.id("new-name")).sendKeys(hostile);
        web.browser().findElement(By.cssSelector("form[action='/collections'] button[type=submit]")).click();
        web.await().until(d -> d.findElements(By.cssSelector(".collection h1")).size() == 1);

        web.pages().open("/papers/date/2026-08-21", true);
        WebElement card = web.browser().findElements(By.cssSelector("article.card")).get(2);
        card.findElement(By.cssSelector(".collect summary")).click();
        WebElement label = web.await().until(d -> card.findElements(By.cssSelector(".collect-menu label")).stream()
                .filter(l -> l.getText().contains("Odd")).findFirst().orElse(null));
        label.findElement(By.tagName("input")).click();
        WebElement status = card.findElement(By.cssSelector(".collect-status"));
        web.await().until(d -> status.getText().startsWith("Saved to"));
        assertThat(status.getText()).isEqualTo("Saved to " + hostile + ".");
        assertThat(status.findElements(By.cssSelector("*"))).as("the name stays text: no element from it").isEmpty();
    }

    @Test
    void a_paper_page_has_cite_with_the_bibtex_and_both_downloads() {
        for (int width : new int[] {1280, 390}) {
            web.pages().viewport(width, 900);
            web.pages().open("/papers/2608.19880", false);
            web.browser().findElement(By.cssSelector(".cite summary")).click();
            WebElement bibtex = web.browser().findElement(By.cssSelector(".cite pre.bibtex"));
            assertThat(bibtex.getText()).startsWith("@misc{").contains("eprint={2608.19880}");
            assertThat(web.browser().findElement(By.linkText("Download BibTeX")).getAttribute("href")).endsWith("/papers/2608.19880/cite.bib");
            web.browser().findElement(By.cssSelector(".cite button.copy")).click();
            web.await().until(d -> !d.findElement(By.cssSelector(".cite .copy-status")).getText().isEmpty());
            // Signed out, the Save menu asks to sign in.
            web.browser().findElement(By.cssSelector(".actions .collect summary")).click();
            web.await().until(d -> d.findElement(By.cssSelector(".actions .collect-menu")).getText().contains("sign in"));
            assertThat(web.pages().number("return document.documentElement.scrollWidth - innerWidth")).isLessThanOrEqualTo(0);
            web.pages().screenshot("collections-cite-" + width);
        }
    }

}
