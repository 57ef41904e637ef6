package org.dailypapers.syndication;

import java.util.List;
import java.util.Objects;
import org.dailypapers.paper.FeedPaper;

/**
 * A list of papers a person can see, as a feed shows it: what every list page hands to the feed routes
 * (the web layer turns it into a {@link FeedDocument} in the format asked for).
 *
 * @param title the list's name, e.g. "Daily Papers: Papers of the week Aug 17 – 23, 2026"
 * @param description one sentence on what the list holds
 * @param pagePath the path of the list's HTML page on this site, e.g. {@code /organizations/google}
 * @param papers in the order the page shows them; a paper's entry may be null (never on the feed)
 */
public record PaperList(String title, String description, String pagePath, List<FeedPaper> papers) {
    public PaperList {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pagePath, "pagePath");
        papers = List.copyOf(papers);
    }
}
