package org.dailypapers.syndication;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jsoup.nodes.Entities;
import org.jdom2.Namespace;

/**
 * RSS 2.0 through ROME. A {@code <description>} is HTML to every feed reader ("entity-encoded HTML"): an item's
 * takes {@link FeedItem#html()}, which the caller escaped, and the channel's, which may quote a search or a
 * person's name, is escaped here. Titles are text (RSS Best Practices), escaped by the XML writer. Authors go in
 * {@code dc:creator} (RSS's own {@code <author>} wants an email address).
 */
final class RssFeedWriter {
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private RssFeedWriter() {}

    static byte[] write(FeedDocument feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(feed.title());
        channel.setLink(feed.pageUrl());
        channel.setDescription(Entities.escape(feed.description()));
        channel.setLanguage("en");
        if (!feed.items().isEmpty()) {
            channel.setLastBuildDate(Date.from(feed.updated()));
        }
        // RSS Best Practices: a feed names its own address, as Atom does
        Element self = new Element("link", ATOM);
        self.setAttribute("href", feed.selfUrl());
        self.setAttribute("rel", "self");
        self.setAttribute("type", FeedFormat.RSS.mediaType());
        channel.setForeignMarkup(List.of(self));
        channel.setItems(feed.items().stream().map(RssFeedWriter::item).toList());
        try {
            return new WireFeedOutput().outputString(channel).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME refused an RSS feed we built: " + e.getMessage(), e);
        }
    }

    private static Item item(FeedItem entry) {
        Item item = new Item();
        item.setTitle(entry.title());
        item.setLink(entry.url());
        item.setComments(entry.url() + "#discussion"); // RSS 2.0's <comments>: where the paper is discussed
        Guid guid = new Guid();
        guid.setPermaLink(entry.id().equals(entry.url()));
        guid.setValue(entry.id());
        item.setGuid(guid);
        item.setPubDate(Date.from(entry.published()));
        Description description = new Description();
        description.setType("text/html");
        description.setValue(entry.html());
        item.setDescription(description);
        item.setCategories(entry.tags().stream().map(tag -> {
            Category category = new Category();
            category.setValue(tag);
            return category;
        }).toList());
        if (!entry.authors().isEmpty()) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreators(entry.authors());
            item.setModules(new java.util.ArrayList<Module>(List.of(dc)));
        }
        return item;
    }
}
