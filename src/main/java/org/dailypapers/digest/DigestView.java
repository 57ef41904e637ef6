package org.dailypapers.digest;

import java.util.List;
import java.util.Optional;

/**
 * One subscriber's digest, ready to render as HTML ({@code digest/mail.jte}) and plain text
 * ({@link DigestText}): every link absolute, every text plain (templates escape it).
 *
 * @param kind "daily" or "weekly"
 * @param sections the subscriber's topics that matched new papers, in the subscriber's order
 * @param forYou the subscriber's "For you" section, when they asked for one ({@link PersonalSection})
 */
public record DigestView(String kind, String periodTitle, String periodUrl, List<Item> top, List<Section> sections,
        Optional<ForYou> forYou, String address, String manageUrl, String unsubscribeUrl) {

    /**
     * A paper: title, the first authors, one or two lines of abstract, upvotes and its page.
     *
     * @param why why it is in a personal section ("like 3 papers you upvoted"); empty elsewhere
     */
    public record Item(int rank, String title, String authors, String excerpt, int upvotes, String url, String why) {}

    /**
     * The papers of the period ranked for the subscriber, with a link to the whole list on the site.
     *
     * @param personal false while they have told us nothing yet: the items are then everyone's picks
     */
    public record ForYou(String url, List<Item> items, boolean personal) {}

    /** A topic's best matches among the period's papers, with a link to the full search. */
    public record Section(String topic, String searchUrl, List<Item> items) {}
}
