package org.dailypapers.paper;

import org.jdbi.v3.core.statement.PreparedBatch;

/** The write statements of {@link PaperRepository}; ON CONFLICT is spelled the same in SQLite and PostgreSQL. */
final class PaperSql {
    static final String UPSERT_ORGANIZATION = """
            INSERT INTO organization (name, fullname, avatar_url) VALUES (:name, :fullname, :avatar)
            ON CONFLICT (name) DO UPDATE SET fullname = excluded.fullname,
                avatar_url = COALESCE(excluded.avatar_url, organization.avatar_url)
            """;
    static final String INSERT_PAPER = """
            INSERT INTO paper (arxiv_id, title, summary, authors, published_at, categories, comment,
                organization_name, github_repo, github_stars, project_page, keywords, ai_summary, as_of, updated_at)
            VALUES (:id, :title, :summary, :authors, :publishedAt, :categories, :comment,
                :org, :githubRepo, :githubStars, :projectPage, :keywords, :aiSummary, :asOf, :now)
            """;
    static final String UPDATE_PAPER = """
            UPDATE paper SET title = :title, summary = :summary, authors = :authors, published_at = :publishedAt,
                categories = :categories, comment = :comment, organization_name = :org, github_repo = :githubRepo,
                github_stars = :githubStars, project_page = :projectPage, keywords = :keywords,
                ai_summary = :aiSummary, as_of = :asOf, updated_at = :now
            WHERE arxiv_id = :id
            """;
    static final String UPSERT_FEED_ENTRY = """
            INSERT INTO feed_entry (arxiv_id, feed_day, submitted_at, submitted_by, upvotes, num_comments)
            VALUES (:id, :feedDay, :submittedAt, :submittedBy, :upvotes, :numComments)
            ON CONFLICT (arxiv_id) DO UPDATE SET feed_day = excluded.feed_day, submitted_at = excluded.submitted_at,
                submitted_by = excluded.submitted_by, upvotes = excluded.upvotes, num_comments = excluded.num_comments
            """;

    private PaperSql() {}

    static PreparedBatch bindOrganization(PreparedBatch batch, Organization org) {
        return batch.bind("name", org.name()).bind("fullname", org.fullname()).bind("avatar", org.avatarUrl());
    }

    static PreparedBatch bindPaper(PreparedBatch batch, PaperRecord r, long now) {
        Paper p = r.paper();
        return batch.bind("id", p.id().value())
                .bind("asOf", r.asOf().toString())
                .bind("title", p.title())
                .bind("summary", p.summary())
                .bind("authors", JsonLists.write(p.authors()))
                .bind("publishedAt", p.publishedAt().toEpochMilli())
                .bind("categories", JsonLists.write(p.categories()))
                .bind("comment", p.comment())
                .bind("org", p.organization() == null ? null : p.organization().name())
                .bind("githubRepo", p.githubRepo())
                .bind("githubStars", p.githubStars())
                .bind("projectPage", p.projectPage())
                .bind("keywords", JsonLists.write(p.keywords()))
                .bind("aiSummary", p.aiSummary())
                .bind("now", now);
    }

    static PreparedBatch bindEntry(PreparedBatch batch, FeedEntry e) {
        return batch.bind("id", e.id().value())
                .bind("feedDay", e.feedDay().toString())
                .bind("submittedAt", e.submittedAt().toEpochMilli())
                .bind("submittedBy", e.submittedBy())
                .bind("upvotes", e.upvotes())
                .bind("numComments", e.numComments());
    }
}
