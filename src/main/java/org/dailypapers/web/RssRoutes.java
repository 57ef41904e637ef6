package org.dailypapers.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.FeedOrder;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.Paper;

/**
 * RSS 2.0 feeds: {@code /rss} (the last week of feed days up to the latest, newest first) and
 * {@code /papers/date/{day}/rss} (one day). One item per paper; text is escaped by the XML writer. A
 * {@code <description>} is HTML to every feed reader (RSS 2.0: "entity-encoded HTML"), which decodes the XML once
 * and renders the result: so the plain-text description is HTML-escaped first, and markup in an abstract
 * ({@code <img onerror=...>}) reaches the reader's screen as the characters it is, never as an element.
 */
final class RssRoutes {
    private static final int MAX_ITEMS = 200;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final FeedService feed;
    private final java.util.Optional<java.net.URI> baseUrl;

    RssRoutes(FeedService feed, java.util.Optional<java.net.URI> baseUrl) {
        this.feed = feed;
        this.baseUrl = baseUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/rss", this::recent);
        routes.get("/papers/date/{day}/rss", ctx -> {
            FeedPeriod day = FeedPeriod.parseDay(ctx.pathParam("day"));
            write(ctx, base(ctx), "Daily Papers of " + day.title(), day.path(), feed.page(day, FeedOrder.UPVOTES, 0, MAX_ITEMS));
        });
    }

    private void recent(Context ctx) throws XMLStreamException {
        LocalDate latest = feed.latestDay().orElse(null);
        List<FeedPaper> papers = latest == null ? List.of()
                : feed.page(new FeedPeriod(FeedPeriod.Kind.WEEK, latest.minusDays(6), latest), FeedOrder.PUBLISHED_AT, 0, MAX_ITEMS);
        write(ctx, base(ctx), "Daily Papers", "/", papers);
    }

    /**
     * Links and guids are absolute: they use the configured base URL, else the request's (checked) host; a
     * feed reader polls every so often, and a shared cache may keep the feed for a few minutes, per host.
     */
    private String base(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("Vary", "Host");
        return Clients.siteBase(baseUrl, ctx);
    }

    private static final String SLASH = "http://purl.org/rss/1.0/modules/slash/";

    private static void write(Context ctx, String base, String title, String path, List<FeedPaper> papers) throws XMLStreamException {
        StringWriter out = new StringWriter(64 * 1024);
        XMLStreamWriter xml = XML.createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", "http://www.w3.org/2005/Atom");
        xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
        xml.writeNamespace("slash", SLASH);
        xml.writeStartElement("channel");
        element(xml, "title", title);
        element(xml, "link", base + path);
        element(xml, "description", "Trending research papers, picked each day by the community.");
        element(xml, "language", "en");
        xml.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
        xml.writeAttribute("href", base + ctx.path());
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        for (FeedPaper fp : papers) {
            Paper p = fp.paper();
            String link = base + Views.paperPath(p.id().value());
            xml.writeStartElement("item");
            element(xml, "title", p.title());
            element(xml, "link", link);
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "true");
            xml.writeCharacters(link);
            xml.writeEndElement();
            element(xml, "pubDate", Timestamps.rfc822(fp.entry().submittedAt()));
            // The discussion and its size (imported + local comments): RSS 2.0's <comments> and the Slash module's count.
            element(xml, "comments", link + "#discussion");
            xml.writeStartElement("slash", "comments", SLASH);
            xml.writeCharacters(Integer.toString(fp.entry().numComments()));
            xml.writeEndElement();
            element(xml, "description", htmlText(p.summary() + "\n\n" + Views.authorCount(p.authors()) + " · "
                    + Views.upvotes(fp.entry().upvotes()) + " · arXiv " + p.id().absUrl()));
            for (String author : p.authors().subList(0, Math.min(3, p.authors().size()))) {
                xml.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
                xml.writeCharacters(author);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        ctx.contentType("application/rss+xml; charset=utf-8").result(out.toString());
    }

    /** {@code text} as HTML that displays exactly it, escaped as the templates escape text (jte's own escaper). */
    static String htmlText(String text) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput(text.length() + 16);
        gg.jte.html.escape.Escape.htmlContent(text, out);
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
