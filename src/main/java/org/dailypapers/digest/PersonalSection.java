package org.dailypapers.digest;

import java.util.List;
import java.util.Optional;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.FeedPaper;

/**
 * A subscriber's own section of a digest ("For you"), made by another capability: the digest lays it out and
 * never knows how it was ranked. Called once per subscriber and edition, from the sending threads: must be
 * thread-safe.
 */
public interface PersonalSection {
    /** No subscriber has one. */
    PersonalSection NONE = (address, period) -> Optional.empty();

    /** The section of the subscriber at {@code address} for {@code period}; empty when they have none. */
    Optional<Part> of(EmailAddress address, FeedPeriod period);

    /**
     * What the section shows.
     *
     * @param path where the whole list is on the site (a local path, e.g. {@code /for-you?period=week})
     * @param papers the subscriber's top papers, best first, each with why it is there (may be empty)
     * @param personal false while the subscriber has told us nothing yet (the papers are then everyone's)
     */
    record Part(String path, List<Pick> papers, boolean personal) {
        public Part {
            papers = List.copyOf(papers);
        }
    }

    /** A paper of the section and why it is there ("like 3 papers you upvoted"). */
    record Pick(FeedPaper paper, String why) {}
}
