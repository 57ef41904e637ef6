package org.dailypapers.digest;

import java.util.List;

/**
 * One subscriber's digest, ready to render as HTML ({@code digest/mail.jte}) and plain text
 * ({@link DigestText}): every link absolute, every text plain (templates escape it).
 *
 * @param kind "daily" or "weekly"
 * @param sections the subscriber's topics that matched new papers, in the subscriber's order
 */
public record DigestView(String kind, String periodTitle, String periodUrl, List<Item> top, List<Section> sections,
        String address, String manageUrl, String unsubscribeUrl) {

    /** A paper: title, the first authors, one or two lines of abstract, upvotes and its page. */
    public record Item(int rank, String title, String authors, String excerpt, int upvotes, String url) {}

    /** A topic's best matches among the period's papers, with a link to the full search. */
    public record Section(String topic, String searchUrl, List<Item> items) {}
}
