-- Private feeds: each person may have one secret feed URL. Only the SHA-256 of the secret is kept (as for
-- sign-in links and sessions), so a copy of the database opens nobody's feed; a new secret replaces the old
-- one, and deleting the row revokes it.
CREATE TABLE feed_secret (
    account_id   VARCHAR(32) PRIMARY KEY REFERENCES account (id),
    secret_hash  VARCHAR(64) NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL
);
