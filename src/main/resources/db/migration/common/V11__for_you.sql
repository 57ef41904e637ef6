-- For you (issue 14): what a person told us about papers, what they follow, and their settings.
-- Portable SQL (SQLite and PostgreSQL): instants are epoch milliseconds, flags 0/1 integers.

-- One row per person and paper: 'more' (more like this), 'less' (not interested), 'picked' (chosen at the
-- first visit) or 'opened' (opened from search results). An explicit choice replaces an 'opened'.
CREATE TABLE foryou_signal (
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id),
    arxiv_id    VARCHAR(64) NOT NULL,
    kind        VARCHAR(8) NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, arxiv_id)
);

-- Followed authors, organizations, arXiv categories and topics (a search, e.g. 'diffusion models').
CREATE TABLE foryou_follow (
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id),
    kind        VARCHAR(16) NOT NULL,
    follow_value VARCHAR(200) NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, kind, follow_value)
);

-- The blend ('more like mine' 0 .. 100 'more like everyone's') and the digest opt-in.
CREATE TABLE foryou_setting (
    account_id  VARCHAR(32) PRIMARY KEY REFERENCES account (id),
    blend       INTEGER NOT NULL,
    in_digest   INTEGER NOT NULL DEFAULT 0,
    updated_at  BIGINT NOT NULL
);
