package org.dailypapers.syndication;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a feed, independent of the format it is written in. Text is raw (any characters; the writers
 * escape it for their format); characters XML cannot carry are removed here, so every format says the same.
 *
 * @param id a stable, unique identifier (an absolute URL: the paper page)
 * @param url the page of the item (absolute)
 * @param externalUrl where the item points outside this site (the arXiv page), or null
 * @param text the body as plain text (Atom's summary, JSON Feed's {@code content_text})
 * @param html the same body as HTML that displays exactly that text, escaped by the caller (RSS's description,
 *     JSON Feed's {@code content_html}): it must never hold markup taken from the paper
 * @param authors names, in order; may be empty
 * @param published when the item appeared (on the feed, else on arXiv)
 * @param tags categories; may be empty
 */
public record FeedItem(String id, String url, String externalUrl, String title, String text, String html, List<String> authors,
        Instant published, List<String> tags) {
    public FeedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(published, "published");
        id = XmlChars.clean(id);
        url = XmlChars.clean(url);
        externalUrl = XmlChars.clean(externalUrl);
        title = XmlChars.clean(Objects.requireNonNull(title, "title"));
        text = XmlChars.clean(Objects.requireNonNull(text, "text"));
        html = XmlChars.clean(Objects.requireNonNull(html, "html"));
        authors = authors.stream().map(XmlChars::clean).filter(a -> !a.isBlank()).toList();
        tags = tags.stream().map(XmlChars::clean).filter(t -> !t.isBlank()).toList();
    }
}
