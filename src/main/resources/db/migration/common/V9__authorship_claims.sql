-- Authorship claims (issue 13): a signed-in person says which listed author of a paper they are. Portable SQL
-- (SQLite and PostgreSQL). Instants are epoch milliseconds.
CREATE TABLE authorship_claim (
    id           VARCHAR(32) PRIMARY KEY,
    account_id   VARCHAR(32) NOT NULL REFERENCES account (id),
    arxiv_id     VARCHAR(64) NOT NULL REFERENCES paper (arxiv_id),
    author_name  VARCHAR(500) NOT NULL,      -- as the paper lists it
    status       VARCHAR(10) NOT NULL,       -- pending | accepted | rejected
    reason       VARCHAR(500),               -- why it was rejected (shown to the claimant)
    created_at   BIGINT NOT NULL,
    decided_at   BIGINT,
    decided_by   VARCHAR(254)                -- an administrator's address, or 'verified address'
);
-- One claim per person per paper (withdrawing deletes it; claiming again after a rejection replaces it).
CREATE UNIQUE INDEX authorship_claim_person_paper ON authorship_claim (account_id, arxiv_id);
-- A listed name belongs to at most one person: two accepted claims on one name of one paper cannot exist.
CREATE UNIQUE INDEX authorship_claim_accepted_name ON authorship_claim (arxiv_id, author_name) WHERE status = 'accepted';
-- The administrators' queue, oldest first.
CREATE INDEX authorship_claim_status ON authorship_claim (status, created_at);
