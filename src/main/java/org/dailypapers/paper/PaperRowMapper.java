package org.dailypapers.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a row of {@link #SELECT} (a paper, its organization and, when present, its feed entry). */
final class PaperRowMapper implements RowMapper<PaperRecord> {
    /**
     * Papers as shown: a feed entry's upvotes are those imported from Hugging Face plus the votes cast here
     * (V3__community.sql), and likewise its comments (V7__discussion.sql). Hidden entries are still returned:
     * feed queries filter them with {@link #VISIBLE}.
     */
    static final String SELECT = select("f.upvotes + f.local_upvotes", "f.num_comments + f.local_comments");
    /** As {@link #SELECT} but with the imported counts alone: what imports merge into and write back. */
    static final String SELECT_IMPORTED = select("f.upvotes", "f.num_comments");
    /** The condition keeping entries an administrator hid off the feed. */
    static final String VISIBLE = "f.hidden = 0";

    private static String select(String upvotes, String comments) {
        return """
            SELECT p.arxiv_id, p.title, p.summary, p.authors, p.published_at, p.categories, p.comment,
                   p.organization_name, o.fullname AS org_fullname, o.avatar_url AS org_avatar,
                   p.github_repo, p.github_stars, p.project_page, p.keywords, p.ai_summary, p.as_of,
                   f.feed_day, f.submitted_at, f.submitted_by, %s AS upvotes, %s AS num_comments
            FROM paper p
            LEFT JOIN organization o ON o.name = p.organization_name
            LEFT JOIN feed_entry f ON f.arxiv_id = p.arxiv_id
            """.formatted(upvotes, comments);
    }

    @Override
    public PaperRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        ArxivId id = new ArxivId(rs.getString("arxiv_id"));
        String orgName = rs.getString("organization_name");
        Organization org = orgName == null
                ? null
                : new Organization(orgName, rs.getString("org_fullname"), rs.getString("org_avatar"));
        int stars = rs.getInt("github_stars");
        Integer githubStars = rs.wasNull() ? null : stars;
        Paper paper = new Paper(
                id,
                rs.getString("title"),
                rs.getString("summary"),
                JsonLists.read(rs.getString("authors")),
                Instant.ofEpochMilli(rs.getLong("published_at")),
                JsonLists.read(rs.getString("categories")),
                rs.getString("comment"),
                org,
                rs.getString("github_repo"),
                githubStars,
                rs.getString("project_page"),
                JsonLists.read(rs.getString("keywords")),
                rs.getString("ai_summary"));
        String feedDay = rs.getString("feed_day");
        FeedEntry entry = feedDay == null
                ? null
                : new FeedEntry(
                        id,
                        LocalDate.parse(feedDay),
                        Instant.ofEpochMilli(rs.getLong("submitted_at")),
                        rs.getString("submitted_by"),
                        rs.getInt("upvotes"),
                        rs.getInt("num_comments"));
        return new PaperRecord(paper, entry, LocalDate.parse(rs.getString("as_of")));
    }
}
