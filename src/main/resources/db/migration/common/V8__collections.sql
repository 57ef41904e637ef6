-- Collections: named, ordered lists of papers a person keeps, public or private, with a note per paper.
-- Portable SQL (SQLite and PostgreSQL), as V3: random string ids, epoch-millisecond instants, 0/1 flags.
CREATE TABLE paper_collection (
    id           VARCHAR(32) PRIMARY KEY,
    account_id   VARCHAR(32) NOT NULL REFERENCES account (id),
    name         VARCHAR(100) NOT NULL,
    description  VARCHAR(500),
    is_public    INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX paper_collection_account ON paper_collection (account_id, created_at);

-- A paper is in a collection at most once; position orders the items (gaps allowed, smallest first).
CREATE TABLE collection_item (
    collection_id  VARCHAR(32) NOT NULL REFERENCES paper_collection (id),
    arxiv_id       VARCHAR(64) NOT NULL REFERENCES paper (arxiv_id),
    position       INTEGER NOT NULL,
    note           VARCHAR(1000),
    added_at       BIGINT NOT NULL,
    PRIMARY KEY (collection_id, arxiv_id)
);
CREATE INDEX collection_item_order ON collection_item (collection_id, position);
