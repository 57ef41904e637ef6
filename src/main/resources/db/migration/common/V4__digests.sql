-- Email digests. Portable SQL: SQLite and PostgreSQL run this same file. Instants are epoch milliseconds.
-- One subscription per address (the address is the key, lower-cased by EmailAddress).
CREATE TABLE digest_subscription (
    email             VARCHAR(254) PRIMARY KEY,
    period            VARCHAR(10) NOT NULL,   -- daily | weekly
    topics            TEXT NOT NULL,          -- JSON array of saved search queries
    status            VARCHAR(16) NOT NULL,   -- pending | confirmed | unsubscribed | bounced
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    confirm_sent_at   BIGINT,                 -- when the last confirmation mail went out (limits re-sends)
    bounce_reason     VARCHAR(500)
);
CREATE INDEX digest_subscription_sending ON digest_subscription (period, status, email);

-- At most one delivery per (address, period): the primary key is what makes a digest go out at most once,
-- whatever runs overlap or crash. The states are documented in DigestSender.
CREATE TABLE digest_delivery (
    email        VARCHAR(254) NOT NULL REFERENCES digest_subscription (email),
    period_key   VARCHAR(10) NOT NULL,         -- 2024-06-14 (daily) or 2024-W24 (weekly)
    state        VARCHAR(10) NOT NULL,         -- claimed | sending | sent | failed | bounced
    run_id       VARCHAR(36) NOT NULL,         -- the run that holds or last held the claim
    claimed_at   BIGINT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    sent_at      BIGINT,
    error        VARCHAR(500),
    PRIMARY KEY (email, period_key)
);
CREATE INDEX digest_delivery_period ON digest_delivery (period_key, state);

-- Secrets generated once per installation (the HMAC key of digest links).
CREATE TABLE app_secret (
    name   VARCHAR(64) PRIMARY KEY,
    value  VARCHAR(200) NOT NULL
);
