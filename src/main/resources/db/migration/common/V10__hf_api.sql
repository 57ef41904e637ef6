-- The rest of Hugging Face's papers API (issue 13). Portable SQL: SQLite and PostgreSQL run this same file.

-- What Hugging Face says about a paper beyond its metadata: the id of its discussion there and the models,
-- datasets and Spaces linked to it (JSON arrays of repository ids). Kept apart from paper so that imports of
-- sources that lack them (arXiv, our own exports) never erase them: a NULL in an import keeps the stored value.
CREATE TABLE paper_hub_link (
    arxiv_id         VARCHAR(64) PRIMARY KEY REFERENCES paper (arxiv_id),
    discussion_id    VARCHAR(64),
    linked_models    TEXT,
    linked_datasets  TEXT,
    linked_spaces    TEXT
);

-- Personal API tokens (Authorization: Bearer ...): only the SHA-256 of the secret is kept, as for sessions.
CREATE TABLE api_token (
    id            VARCHAR(32) PRIMARY KEY,
    account_id    VARCHAR(32) NOT NULL REFERENCES account (id),
    name          VARCHAR(80) NOT NULL,
    token_hash    VARCHAR(64) NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT
);
CREATE INDEX api_token_account ON api_token (account_id, created_at);
