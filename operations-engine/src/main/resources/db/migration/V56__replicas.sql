-- The replicas sharing this database (issue 23): each records where it answers and renews a liveness stamp,
-- so any replica can reach the owner of a running local operation (operations.owner_node) or tell it is gone.
CREATE TABLE replicas (
    node_id        VARCHAR(128) NOT NULL PRIMARY KEY,
    -- a new UUID at every start: a restart with the same node id is told apart from a second live process
    instance_id    VARCHAR(64)  NOT NULL,
    advertised_url VARCHAR(512) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- running | stopping (SIGTERM received)
    state          VARCHAR(16)  NOT NULL,
    -- what it serves (model versions, settings), written by the app for the replica view
    serves_json    VARCHAR
);
