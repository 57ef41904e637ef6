-- The search engine's outbox (issue 15, the solr backend): every paper whose search document must be written to
-- (or deleted from) the engine, until a worker has done it. One row per paper: a second write of a pending paper
-- bumps its generation, so a worker that read the first never deletes the second. next_attempt_at is epoch
-- milliseconds (a failed write waits longer each attempt). Portable: SQLite and PostgreSQL.
CREATE TABLE search_outbox (
    paper_id         VARCHAR(64) PRIMARY KEY,
    generation       BIGINT NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    last_error       TEXT
);
CREATE INDEX search_outbox_due ON search_outbox (next_attempt_at);
