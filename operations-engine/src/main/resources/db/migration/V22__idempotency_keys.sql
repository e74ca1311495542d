-- Issue 13 item 6: Idempotency-Key claims survive a restart and are shared by replicas on one database.
-- The key is the primary key, so of two replicas claiming it at once exactly one INSERT wins; the loser
-- reads the winner's operation_id (NULL while the winner is still starting the work).
CREATE TABLE idempotency_keys (
    idem_key       VARCHAR(255) NOT NULL PRIMARY KEY,
    -- SHA-256 (hex) of the request the key was first used with; another request under the key is a 409
    request_digest VARCHAR(64)  NOT NULL,
    operation_id   VARCHAR(128),
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
-- retention deletes expired keys and old tombstones by these columns
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
CREATE INDEX operation_tombstones_deleted_idx ON operation_tombstones (deleted_at);
