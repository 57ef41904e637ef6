-- Discussion on every paper (issue 13). Portable SQL: SQLite and PostgreSQL run this same file. Instants are
-- epoch milliseconds, flags 0/1 integers, ids random strings made by the application.
-- A comment is top-level (parent_id NULL) or a reply to a top-level comment: one level, as Hugging Face's.
-- Deleting keeps the row (body NULL, deleted_at set): replies keep their parent, and the person's rate limit
-- still counts it. Erasing an account also clears account_id.
CREATE TABLE paper_comment (
    id          VARCHAR(32) PRIMARY KEY,
    arxiv_id    VARCHAR(64) NOT NULL REFERENCES paper (arxiv_id),
    parent_id   VARCHAR(32) REFERENCES paper_comment (id),
    account_id  VARCHAR(32) REFERENCES account (id),
    body        TEXT,
    created_at  BIGINT NOT NULL,
    edited_at   BIGINT,
    deleted_at  BIGINT,
    hidden      INTEGER NOT NULL DEFAULT 0,
    upvotes     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX paper_comment_paper ON paper_comment (arxiv_id, created_at);
CREATE INDEX paper_comment_parent ON paper_comment (parent_id);
CREATE INDEX paper_comment_account ON paper_comment (account_id, created_at);

-- One upvote per person per comment (the primary key), counted in paper_comment.upvotes in the same transaction.
CREATE TABLE comment_upvote (
    comment_id  VARCHAR(32) NOT NULL REFERENCES paper_comment (id),
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);
CREATE INDEX comment_upvote_account ON comment_upvote (account_id);

-- Shown comment count = num_comments (imported from Hugging Face, overwritten by imports) + local_comments
-- (comments here that are neither deleted nor hidden, kept exact in the same transaction as each change).
ALTER TABLE feed_entry ADD COLUMN local_comments INTEGER NOT NULL DEFAULT 0;

-- Per person: the reply-mail setting (off by default), the token of the mail's one-click off link, and the row
-- that serialises one person's comments (so that the rate limit holds when two posts race on PostgreSQL).
CREATE TABLE discussion_person (
    account_id      VARCHAR(32) PRIMARY KEY REFERENCES account (id),
    reply_mail      INTEGER NOT NULL DEFAULT 0,
    mail_off_token  VARCHAR(64) NOT NULL UNIQUE,
    last_posted_at  BIGINT
);

-- At most one reply mail per (reply, recipient): the primary key claims it before sending.
CREATE TABLE reply_mail_delivery (
    comment_id  VARCHAR(32) NOT NULL,
    account_id  VARCHAR(32) NOT NULL,
    state       VARCHAR(10) NOT NULL,   -- claimed | sent | failed
    claimed_at  BIGINT NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);
