package org.dailypapers.paper;

/** How a list of feed papers is ordered. Ties break on the arXiv id so that pages never overlap. */
public enum FeedOrder {
    /** Most upvoted first (imported plus local votes): the feed pages. */
    UPVOTES("(f.upvotes + f.local_upvotes) DESC, f.submitted_at ASC, p.arxiv_id ASC"),
    /** Most recently put on the feed first: Hugging Face's API default, {@code sort=publishedAt}. */
    PUBLISHED_AT("f.submitted_at DESC, p.arxiv_id ASC");

    private final String sql;

    FeedOrder(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
