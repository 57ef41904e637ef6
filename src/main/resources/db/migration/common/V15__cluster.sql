-- What several server nodes on one PostgreSQL database must share (also created on SQLite, where one node runs):
-- rate-limit events, so that a limit holds whichever node a request reaches, and scheduled-run claims, so that
-- the daily harvest and digest run once per schedule however many nodes run. Times are epoch milliseconds.
CREATE TABLE rate_event (
    bucket    VARCHAR(40) NOT NULL,  -- which limit: 'signin-address', 'signin-client', 'digest-client', ...
    key_hash  VARCHAR(64) NOT NULL,  -- SHA-256 of the limited key (an address or a client): no address is stored
    at        BIGINT NOT NULL
);
CREATE INDEX rate_event_key ON rate_event (bucket, key_hash, at);

CREATE TABLE scheduled_run (
    job           VARCHAR(40) NOT NULL,  -- 'harvest', 'digest'
    slot          VARCHAR(40) NOT NULL,  -- the scheduled time it stands for (ISO-8601 instant)
    holder        VARCHAR(64) NOT NULL,  -- the node running it
    heartbeat_at  BIGINT NOT NULL,       -- the holder says it is alive; a stale heartbeat lets another node take over
    finished_at   BIGINT,
    PRIMARY KEY (job, slot)
);
