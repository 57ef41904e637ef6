package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.Paper;
import org.dailypapers.syndication.FeedDocument;
import org.dailypapers.syndication.FeedItem;
import org.dailypapers.syndication.PaperList;

/**
 * Turns a list of papers into a feed document with absolute links. An item's HTML body is its text escaped
 * as the templates escape text (jte's own escaper), so markup in an abstract ({@code <img onerror=...>})
 * reaches a reader's screen as the characters it is, never as an element.
 */
final class FeedDocuments {
    /** Authors named per item: a collaboration paper lists hundreds. */
    static final int MAX_AUTHORS = 10;

    private FeedDocuments() {}

    /** @param base the site's address without a trailing slash; @param selfUrl the feed's own absolute URL */
    static FeedDocument of(PaperList list, String base, String selfUrl) {
        return new FeedDocument(list.title(), list.description(), base + list.pagePath(), selfUrl,
                list.papers().stream().map(p -> item(p, base)).toList());
    }

    static FeedItem item(FeedPaper fp, String base) {
        Paper p = fp.paper();
        String url = base + Views.paperPath(p.id().value());
        String about = Views.authorCount(p.authors())
                + (fp.entry() == null ? "" : " · " + Views.upvotes(fp.entry().upvotes()))
                + " · arXiv " + p.id().absUrl()
                + (fp.entry() == null || fp.entry().numComments() == 0 ? "" : " · " + Views.comments(fp.entry().numComments()));
        List<String> authors = p.authors().subList(0, Math.min(MAX_AUTHORS, p.authors().size()));
        String text = p.summary() + "\n\n" + about;
        return new FeedItem(url, url, p.id().absUrl(), p.title(), text, htmlText(text), authors,
                fp.entry() != null ? fp.entry().submittedAt() : p.publishedAt(), p.categories());
    }

    /** {@code text} as HTML that displays exactly it. */
    static String htmlText(String text) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput(text.length() + 16);
        gg.jte.html.escape.Escape.htmlContent(text, out);
        return out.toString();
    }
}
