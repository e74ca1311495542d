-- Each operation's log (issue 27): lines by position (seq, 0-based, the cursor of logs?cursor=n), at most
-- opsbridge.store.log-max-lines per operation (older lines are deleted as new ones are stored).
-- A host operation's lines keep the host's positions, so two replicas copying the same line meet at the key.
CREATE TABLE operation_logs (
    operation_id VARCHAR(128) NOT NULL,
    seq          INTEGER      NOT NULL,
    logged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    level        VARCHAR(8)   NOT NULL,
    message      VARCHAR      NOT NULL,
    PRIMARY KEY (operation_id, seq)
);
