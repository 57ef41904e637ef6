-- The community side: accounts, passwordless sign-in, sessions, upvotes, submissions, curation.
-- Portable SQL (SQLite and PostgreSQL): ids are random strings made by the application, instants are epoch
-- milliseconds, flags are 0/1 integers.
CREATE TABLE account (
    id            VARCHAR(32) PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    handle        VARCHAR(40) NOT NULL UNIQUE,
    display_name  VARCHAR(80),
    created_at    BIGINT NOT NULL
);

-- One-time sign-in links: only the SHA-256 of the token is kept, so a copy of the database signs nobody in.
CREATE TABLE sign_in_link (
    token_hash  VARCHAR(64) PRIMARY KEY,
    email       VARCHAR(254) NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX sign_in_link_expiry ON sign_in_link (expires_at);

-- Sessions: the cookie holds a random id; the table its SHA-256 and the session's CSRF token.
CREATE TABLE account_session (
    id_hash     VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id),
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX account_session_account ON account_session (account_id);

-- One upvote per person per paper: the primary key is what makes vote stuffing impossible.
CREATE TABLE upvote (
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id),
    arxiv_id    VARCHAR(64) NOT NULL REFERENCES paper (arxiv_id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, arxiv_id)
);
CREATE INDEX upvote_paper ON upvote (arxiv_id, created_at);

-- Shown upvotes = upvotes (imported from Hugging Face, overwritten by imports) + local_upvotes (votes cast
-- here, kept equal to the paper's rows in upvote in the same transaction). Curation flags live beside them.
ALTER TABLE feed_entry ADD COLUMN local_upvotes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_entry ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_entry ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;

-- Papers put on the feed by people signed in here. No foreign key to paper: the row is claimed first (the
-- primary key decides between two people submitting one paper at once), the paper is fetched and saved after.
CREATE TABLE submission (
    arxiv_id      VARCHAR(64) PRIMARY KEY,
    account_id    VARCHAR(32) NOT NULL REFERENCES account (id),
    submitted_at  BIGINT NOT NULL
);
CREATE INDEX submission_account ON submission (account_id, submitted_at);

-- What administrators did, newest last.
CREATE TABLE audit_log (
    id        VARCHAR(32) PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor     VARCHAR(254) NOT NULL,
    action    VARCHAR(40) NOT NULL,
    arxiv_id  VARCHAR(64) NOT NULL,
    detail    VARCHAR(500)
);
CREATE INDEX audit_log_at ON audit_log (at);
