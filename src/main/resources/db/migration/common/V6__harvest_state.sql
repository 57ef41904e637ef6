-- Where each harvest source stopped, so that the next run is incremental and a run killed mid-harvest
-- resumes without losing or repeating pages. One row per source ('arxiv-oai:cs', 'arxiv-oai:*', 'hf').
-- Days are ISO dates (VARCHAR(10)); updated_at is epoch milliseconds. Portable: SQLite and PostgreSQL.
CREATE TABLE harvest_state (
    source            VARCHAR(100) PRIMARY KEY,
    resumption_token  TEXT,            -- the next page of an unfinished harvest; NULL when none is under way
    range_from        VARCHAR(10),     -- the from= and until= that unfinished harvest was started with
    range_until       VARCHAR(10),
    started_on        VARCHAR(10),     -- the source's day when that harvest began (its first responseDate)
    next_from         VARCHAR(10),     -- where the next incremental run starts (inclusive)
    last_datestamp    VARCHAR(10),     -- the newest record datestamp (arXiv) or feed day (Hugging Face) seen
    updated_at        BIGINT NOT NULL
);
