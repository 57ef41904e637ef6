-- Paper vectors shared by the server nodes of one PostgreSQL database, so that each paper is encoded once, not
-- once per node, and a node joining later takes the vectors the others computed (only on PostgreSQL: one SQLite
-- node keeps its vectors in its own index). A row with a NULL vector is a claim: node is computing it since
-- claimed_at. version is the paper's indexed version (its text): a vector of another version is not used.
CREATE TABLE paper_vector (
    arxiv_id    VARCHAR(64) NOT NULL,
    model       VARCHAR(64) NOT NULL,
    version     VARCHAR(64) NOT NULL,
    vector      BYTEA,
    node        VARCHAR(64) NOT NULL,
    claimed_at  BIGINT NOT NULL,
    PRIMARY KEY (arxiv_id, model)
);
