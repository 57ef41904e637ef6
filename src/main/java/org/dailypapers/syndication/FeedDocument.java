package org.dailypapers.syndication;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A feed, independent of its format: what {@link FeedFormat} writes as RSS 2.0, Atom or JSON Feed 1.1.
 * Nothing in it depends on when it is written, so the same list gives the same bytes (the ETag is their hash).
 *
 * @param title the feed's name, e.g. "Daily Papers: cs.CL"
 * @param description one sentence on what the feed lists
 * @param pageUrl the HTML page of the same list (absolute)
 * @param selfUrl this feed's own address (absolute)
 * @param items newest or best first, as the list shows them
 */
public record FeedDocument(String title, String description, String pageUrl, String selfUrl, List<FeedItem> items) {
    public FeedDocument {
        title = XmlChars.clean(Objects.requireNonNull(title, "title"));
        description = XmlChars.clean(Objects.requireNonNull(description, "description"));
        pageUrl = XmlChars.clean(Objects.requireNonNull(pageUrl, "pageUrl"));
        selfUrl = XmlChars.clean(Objects.requireNonNull(selfUrl, "selfUrl"));
        items = List.copyOf(items);
    }

    /** When the newest item appeared; the epoch for an empty feed (Atom requires a date, and a fixed one keeps the bytes stable). */
    public Instant updated() {
        return items.stream().map(FeedItem::published).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }
}
