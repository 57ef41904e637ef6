package org.dailypapers.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedFormatTest {
    /** Markup, an ampersand, a CDATA end, and characters XML 1.0 cannot carry (NUL, U+0001, U+000B, U+FFFE, a lone surrogate). */
    static final String TITLE = "<script>alert('t')</script> Attention <b>is</b> all & ]]> more\u0000\u0001\u000B\uFFFE\uD800!";
    static final String AUTHOR = "<img src=x onerror=alert(1)> \"Eve\" & Mallory\u0008";
    static final String TEXT = "An abstract with <iframe src=javascript:alert(1)></iframe> & $E=mc^2$\u001F.";
    /** What the caller of FeedItem gives as HTML: the text escaped. */
    static final String HTML = "An abstract with &lt;iframe src=javascript:alert(1)&gt;&lt;/iframe&gt; &amp; $E=mc^2$\u001F.";

    static final String CLEAN_TITLE = "<script>alert('t')</script> Attention <b>is</b> all & ]]> more!";
    static final String CLEAN_AUTHOR = "<img src=x onerror=alert(1)> \"Eve\" & Mallory";
    static final String CLEAN_TEXT = "An abstract with <iframe src=javascript:alert(1)></iframe> & $E=mc^2$.";

    static FeedDocument hostile() {
        return new FeedDocument("Daily Papers: <b>bold</b> \u0002", "A list & <i>more</i>", "https://papers.example.org/",
                "https://papers.example.org/rss", List.of(
                        new FeedItem("https://papers.example.org/papers/2608.90001", "https://papers.example.org/papers/2608.90001",
                                "https://arxiv.org/abs/2608.90001", TITLE, TEXT, HTML, List.of(AUTHOR, "Grace Hopper"),
                                Instant.parse("2026-08-24T10:00:00Z"), List.of("cs.CL", "<x>")),
                        new FeedItem("https://papers.example.org/papers/math/0211159", "https://papers.example.org/papers/math/0211159",
                                null, "The entropy formula for the Ricci flow", "Plain.", "Plain.", List.of(),
                                Instant.parse("2026-08-23T10:00:00Z"), List.of())));
    }

    @Test
    void rss_is_rss_2_0_that_rome_reads_with_hostile_text_kept_as_text() {
        String xml = string(FeedFormat.RSS.write(hostile()));
        Channel channel = FeedParsers.rss(xml);
        assertThat(channel.getTitle()).isEqualTo("Daily Papers: <b>bold</b>"); // the pretty printer trims the ends of text
        assertThat(channel.getItems()).hasSize(2);
        Item first = channel.getItems().getFirst();
        assertThat(first.getTitle()).isEqualTo(CLEAN_TITLE);
        assertThat(first.getLink()).isEqualTo("https://papers.example.org/papers/2608.90001");
        assertThat(first.getGuid().getValue()).isEqualTo(first.getLink());
        assertThat(first.getPubDate().toInstant()).isEqualTo(Instant.parse("2026-08-24T10:00:00Z"));
        // the description is HTML to a reader: it holds the escaped text, so no element appears when rendered
        assertThat(first.getDescription().getValue()).isEqualTo(HTML.replace("\u001F", "")).doesNotContain("<");
        assertThat(((DCModule) first.getModule(DCModule.URI)).getCreators()).containsExactly(CLEAN_AUTHOR, "Grace Hopper");
        assertThat(first.getCategories()).extracting(c -> c.getValue()).containsExactly("cs.CL", "<x>");
        assertThat(FeedParsers.elementNames(xml)).doesNotContain("script", "b", "img", "iframe", "i", "x")
                .contains("rss", "channel", "item", "creator");
        org.w3c.dom.Element self = (org.w3c.dom.Element) FeedParsers.dom(xml).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("https://papers.example.org/rss");
    }

    @Test
    void atom_is_rfc_4287_that_rome_reads_with_hostile_text_kept_as_text() {
        String xml = string(FeedFormat.ATOM.write(hostile()));
        Feed feed = FeedParsers.atom(xml);
        assertThat(feed.getTitleEx().getValue()).isEqualTo("Daily Papers: <b>bold</b>"); // the pretty printer trims the ends of text
        assertThat(feed.getId()).isEqualTo("https://papers.example.org/rss");
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-08-24T10:00:00Z"));
        assertThat(feed.getOtherLinks()).anySatisfy(l -> assertThat(l.getRel()).isEqualTo("self"));
        Entry first = feed.getEntries().getFirst();
        assertThat(first.getTitleEx().getType()).isEqualTo("text");
        assertThat(first.getTitleEx().getValue()).isEqualTo(CLEAN_TITLE);
        assertThat(first.getSummary().getType()).isEqualTo("text");
        assertThat(first.getSummary().getValue()).isEqualTo(CLEAN_TEXT);
        assertThat(first.getAuthors()).extracting(p -> p.getName()).containsExactly(CLEAN_AUTHOR, "Grace Hopper");
        assertThat(first.getAlternateLinks().getFirst().getHref()).isEqualTo("https://papers.example.org/papers/2608.90001");
        assertThat(first.getOtherLinks().getFirst().getHref()).isEqualTo("https://arxiv.org/abs/2608.90001");
        // RFC 4287 4.1.2: an entry without authors has the feed's
        assertThat(feed.getEntries().get(1).getAuthors()).isEmpty();
        assertThat(feed.getAuthors()).extracting(p -> p.getName()).containsExactly("Daily Papers");
        assertThat(FeedParsers.elementNames(xml)).doesNotContain("script", "b", "img", "iframe", "i", "x");
    }

    @Test
    void json_feed_meets_the_1_1_schema_with_control_characters_removed() {
        JsonNode feed = FeedParsers.jsonFeed(string(FeedFormat.JSON.write(hostile())));
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        JsonNode first = feed.get("items").get(0);
        assertThat(first.get("title").asText()).isEqualTo(CLEAN_TITLE);
        assertThat(first.get("content_text").asText()).isEqualTo(CLEAN_TEXT);
        assertThat(first.get("content_html").asText()).doesNotContain("<");
        assertThat(first.get("authors").get(0).get("name").asText()).isEqualTo(CLEAN_AUTHOR);
        assertThat(first.get("date_published").asText()).isEqualTo("2026-08-24T10:00:00Z");
        assertThat(first.get("external_url").asText()).isEqualTo("https://arxiv.org/abs/2608.90001");
        assertThat(feed.get("items").get(1).has("authors")).as("no empty authors list").isFalse();
    }

    @Test
    void no_format_carries_a_character_xml_forbids() {
        for (FeedFormat format : FeedFormat.values()) {
            String written = string(format.write(hostile()));
            assertThat(written.codePoints().allMatch(XmlChars::allowed)).as(format.name()).isTrue();
            assertThat(written).as(format.name()).doesNotContain("\\u0000", "\\u0001", "\\u000b", "\\u001f");
        }
    }

    @Test
    void an_empty_list_is_a_valid_feed_in_every_format() {
        FeedDocument empty = new FeedDocument("Nothing", "No papers.", "https://p.example/", "https://p.example/rss", List.of());
        assertThat(FeedParsers.rss(string(FeedFormat.RSS.write(empty))).getItems()).isEmpty();
        assertThat(FeedParsers.atom(string(FeedFormat.ATOM.write(empty))).getEntries()).isEmpty();
        assertThat(FeedParsers.jsonFeed(string(FeedFormat.JSON.write(empty))).get("items")).isEmpty();
    }

    @Test
    void the_same_list_gives_the_same_bytes_so_its_etag_is_stable() {
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(format.write(hostile())).as(format.name()).isEqualTo(format.write(hostile()));
        }
    }

    private static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
