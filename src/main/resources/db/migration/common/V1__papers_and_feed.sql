-- Papers and their place on the daily feed. Portable SQL: SQLite and PostgreSQL run this same file.
-- Instants are epoch milliseconds (BIGINT); feed days are ISO dates (VARCHAR(10)), which sort as text.
-- Lists (authors in order, categories, keywords) are JSON arrays of strings.
CREATE TABLE organization (
    name        VARCHAR(200) PRIMARY KEY,
    fullname    VARCHAR(500) NOT NULL,
    avatar_url  VARCHAR(2000)
);

CREATE TABLE paper (
    arxiv_id          VARCHAR(64) PRIMARY KEY,
    title             TEXT NOT NULL,
    summary           TEXT NOT NULL,
    authors           TEXT NOT NULL,
    published_at      BIGINT NOT NULL,
    categories        TEXT NOT NULL,
    comment           TEXT,
    organization_name VARCHAR(200) REFERENCES organization (name),
    github_repo       VARCHAR(2000),
    github_stars      INTEGER,
    project_page      VARCHAR(2000),
    keywords          TEXT NOT NULL,
    ai_summary        TEXT,
    as_of             VARCHAR(10) NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX paper_organization ON paper (organization_name, published_at);

CREATE TABLE feed_entry (
    arxiv_id      VARCHAR(64) PRIMARY KEY REFERENCES paper (arxiv_id),
    feed_day      VARCHAR(10) NOT NULL,
    submitted_at  BIGINT NOT NULL,
    submitted_by  VARCHAR(200),
    upvotes       INTEGER NOT NULL DEFAULT 0,
    num_comments  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feed_entry_day_upvotes ON feed_entry (feed_day, upvotes);
