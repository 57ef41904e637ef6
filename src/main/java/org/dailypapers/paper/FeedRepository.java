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
                        + " WHERE f.feed_day BETWEEN :first AND :last ORDER BY " + order.sql()
                        + " LIMIT :limit OFFSET :offset")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    /** The feed papers of an organization, newest on arXiv first; at most {@code limit}. */
    public List<FeedPaper> byOrganization(String name, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE p.organization_name = :name AND f.feed_day IS NOT NULL"
                        + " ORDER BY p.published_at DESC, p.arxiv_id LIMIT :limit")
                .bind("name", name)
                .bind("limit", limit)
                .map(MAPPER)
                .map(r -> new FeedPaper(r.paper(), r.entry()))
                .list());
    }

    public Optional<LocalDate> latestDay() {
        return day("SELECT MAX(feed_day) FROM feed_entry", null);
    }

    /** The closest earlier feed day that has papers. */
    public Optional<LocalDate> dayBefore(LocalDate day) {
        return day("SELECT MAX(feed_day) FROM feed_entry WHERE feed_day < :day", day);
    }

    /** The closest later feed day that has papers. */
    public Optional<LocalDate> dayAfter(LocalDate day) {
        return day("SELECT MIN(feed_day) FROM feed_entry WHERE feed_day > :day", day);
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
