package org.dailypapers.syndication;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom (RFC 4287) through ROME. Titles and summaries are {@code type="text"}: Atom says exactly how a reader
 * shows them (as characters, never as markup), so a title holding {@code <script>} is shown as written.
 */
final class AtomFeedWriter {
    private AtomFeedWriter() {}

    static byte[] write(FeedDocument feed) {
        Feed atom = new Feed("atom_1.0");
        atom.setEncoding("UTF-8");
        atom.setId(feed.selfUrl());
        atom.setTitleEx(text(feed.title()));
        atom.setSubtitle(text(feed.description()));
        atom.setUpdated(Date.from(feed.updated()));
        atom.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", feed.pageUrl()))));
        atom.setOtherLinks(new ArrayList<>(List.of(link("self", FeedFormat.ATOM.mediaType(), feed.selfUrl()))));
        // RFC 4287 4.1.2: an entry without authors takes the feed's
        atom.setAuthors(new ArrayList<>(List.of(person("Daily Papers"))));
        atom.setEntries(feed.items().stream().map(AtomFeedWriter::entry).toList());
        try {
            return new WireFeedOutput().outputString(atom).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME refused an Atom feed we built: " + e.getMessage(), e);
        }
    }

    private static Entry entry(FeedItem item) {
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitleEx(text(item.title()));
        entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", item.url()))));
        if (item.externalUrl() != null) {
            entry.setOtherLinks(new ArrayList<>(List.of(link("related", "text/html", item.externalUrl()))));
        }
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.published()));
        entry.setAuthors(item.authors().stream().map(AtomFeedWriter::person).toList());
        entry.setCategories(item.tags().stream().map(tag -> {
            Category category = new Category();
            category.setTerm(tag);
            return category;
        }).toList());
        entry.setSummary(text(item.text()));
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }
}
