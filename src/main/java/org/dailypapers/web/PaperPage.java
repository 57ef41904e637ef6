package org.dailypapers.web;

import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Paper;

/**
 * A paper's own page; entry is null for a paper that was never on the feed. {@code similar} are its nearest
 * neighbours by embedding (empty until its vector is computed).
 */
public record PaperPage(Paper paper, FeedEntry entry, java.util.List<org.dailypapers.paper.FeedPaper> similar) {
    /** Authors shown at once; the rest are behind "Show all N authors" (a list of 670 put the abstract 9,400 px down). */
    static final int FIRST_AUTHORS = 20;

    public String feedDayPath() {
        return entry == null ? null : "/papers/date/" + entry.feedDay();
    }

    /** The authors shown at once: all of them, or the first {@link #FIRST_AUTHORS} when more than five more follow. */
    public java.util.List<String> firstAuthors() {
        java.util.List<String> all = paper.authors();
        return all.size() > FIRST_AUTHORS + 5 ? all.subList(0, FIRST_AUTHORS) : all;
    }

    /** The authors behind "Show all N authors" (empty when all are shown at once). */
    public java.util.List<String> moreAuthors() {
        java.util.List<String> all = paper.authors();
        return all.subList(firstAuthors().size(), all.size());
    }
}
