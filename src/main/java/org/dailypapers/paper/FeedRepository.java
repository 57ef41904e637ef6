package org.dailypapers.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.store.Database;

/** Read queries over the daily feed: papers of a range of feed days, and which days have papers. Thread-safe. */
public final class FeedRepository {
    private static final PaperRowMapper MAPPER = new PaperRowMapper();

    private final Database database;

    public FeedRepository(Database database) {
        this.database = database;
    }

    /**
     * Papers whose feed day lies in {@code [first, last]}, in {@code order}, skipping {@code offset}.
     * Returns at most {@code limit} papers.
     */
    public List<FeedPaper> papers(LocalDate first, LocalDate last, FeedOrder order, int offset, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE f.feed_day BETWEEN :first AND :last AND " + PaperRowMapper.VISIBLE + " ORDER BY " + order.sql()
                        + " LIMIT :limit OFFSET :offset")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /**
     * As {@link #papers(LocalDate, LocalDate, FeedOrder, int, int)}, only those {@code submitter} put on the feed;
     * with {@code first} and {@code last} null, on any day.
     */
    public List<FeedPaper> submittedBy(String submitter, LocalDate first, LocalDate last, FeedOrder order, int offset, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE f.submitted_by = :submitter AND f.feed_day BETWEEN :first AND :last AND " + PaperRowMapper.VISIBLE
                        + " ORDER BY " + order.sql() + " LIMIT :limit OFFSET :offset")
                .bind("submitter", submitter)
                .bind("first", first == null ? "0000-01-01" : first.toString())
                .bind("last", last == null ? "9999-12-31" : last.toString())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /** The feed papers of an organization, newest on arXiv first; at most {@code limit}. */
    public List<FeedPaper> byOrganization(String name, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE p.organization_name = :name AND f.feed_day IS NOT NULL AND " + PaperRowMapper.VISIBLE
                        + " ORDER BY p.published_at DESC, p.arxiv_id LIMIT :limit")
                .bind("name", name)
                .bind("limit", limit)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /** The visible papers an administrator featured, whose feed day lies in {@code [first, last]}, most upvoted first. */
    public List<FeedPaper> featured(LocalDate first, LocalDate last) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE f.feed_day BETWEEN :first AND :last AND f.featured = 1 AND " + PaperRowMapper.VISIBLE
                        + " ORDER BY " + FeedOrder.UPVOTES.sql() + " LIMIT 100")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /**
     * Visible feed papers put on the feed since {@code since} or upvoted here since {@code votedSince}: the
     * candidates for trending. At most {@code limit}, most recently put on the feed first.
     */
    public List<FeedPaper> recent(java.time.Instant since, java.time.Instant votedSince, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE f.feed_day IS NOT NULL AND " + PaperRowMapper.VISIBLE
                        + " AND (f.submitted_at >= :since OR p.arxiv_id IN"
                        + " (SELECT u.arxiv_id FROM upvote u WHERE u.created_at >= :votedSince))"
                        + " ORDER BY f.submitted_at DESC, p.arxiv_id LIMIT :limit")
                .bind("since", since.toEpochMilli())
                .bind("votedSince", votedSince.toEpochMilli())
                .bind("limit", limit)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /** Visible feed papers whose entry names {@code name} as who put it there, latest feed day first. */
    public List<FeedPaper> submittedBy(String name, int limit) {
        return submittedBy(name, 0, limit);
    }

    /** A page of what {@link #submittedBy(String, int)} lists: {@code limit} papers after the first {@code offset}. */
    public List<FeedPaper> submittedBy(String name, int offset, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE f.submitted_by = :name AND " + PaperRowMapper.VISIBLE
                        + " ORDER BY f.feed_day DESC, p.arxiv_id LIMIT :limit OFFSET :offset")
                .bind("name", name)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /**
     * Papers not on the feed (arXiv listings and harvests), newest arXiv listing first, at most {@code limit}:
     * what {@code /} shows before the community has picked any paper.
     */
    public List<FeedPaper> newestNotOnFeed(int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE f.arxiv_id IS NULL ORDER BY p.published_at DESC, p.arxiv_id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), null))
                .list());
    }

    /** How many visible papers {@code name} put on the feed. */
    public int countSubmittedBy(String name) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM feed_entry f JOIN paper p ON p.arxiv_id = f.arxiv_id"
                        + " WHERE f.submitted_by = :name AND " + PaperRowMapper.VISIBLE)
                .bind("name", name).mapTo(Integer.class).one());
    }

    public Optional<LocalDate> latestDay() {
        return day("SELECT MAX(feed_day) FROM feed_entry WHERE hidden = 0", null);
    }

    /** The closest earlier feed day that has papers. */
    public Optional<LocalDate> dayBefore(LocalDate day) {
        return day("SELECT MAX(feed_day) FROM feed_entry WHERE feed_day < :day AND hidden = 0", day);
    }

    /** The closest later feed day that has papers. */
    public Optional<LocalDate> dayAfter(LocalDate day) {
        return day("SELECT MIN(feed_day) FROM feed_entry WHERE feed_day > :day AND hidden = 0", day);
    }

    private Optional<LocalDate> day(String sql, LocalDate day) {
        return database.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            if (day != null) {
                query.bind("day", day.toString());
            }
            return Optional.ofNullable(query.mapTo(String.class).one()).map(LocalDate::parse);
        });
    }
}
