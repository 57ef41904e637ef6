package org.dailypapers.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A paper's place on the daily feed. The feed day is a calendar day in {@link FeedDays#ZONE} and differs
 * from the paper's arXiv publication date (a paper is usually put on the feed a day or more later).
 *
 * @param submittedAt when it was put on the feed
 * @param submittedBy the handle of who put it there, or null when unknown
 */
public record FeedEntry(
        ArxivId id, LocalDate feedDay, Instant submittedAt, String submittedBy, int upvotes, int numComments) {
    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(feedDay, "feedDay");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (upvotes < 0 || numComments < 0) {
            throw new IllegalArgumentException("negative count for " + id);
        }
    }

    /**
     * This entry updated by another record of it. Counts only grow at the source, so the larger wins; the
     * entry keeps the earliest feed day it was seen on, with who put it there. Both rules make re-importing in any order agree.
     */
    public FeedEntry mergedWith(FeedEntry newer) {
        FeedEntry first = newer.feedDay.isBefore(feedDay) ? newer : this;
        return new FeedEntry(id, first.feedDay, first.submittedAt,
                first.submittedBy != null ? first.submittedBy : (first == this ? newer : this).submittedBy,
                Math.max(upvotes, newer.upvotes),
                Math.max(numComments, newer.numComments));
    }
}
