-- The durable operation store (issue 5). Portable SQL: the same file runs on H2 and PostgreSQL.
-- Nested blocks of OperationInfo (progress, metadata, result_summary) and metric items are JSON text.

CREATE TABLE operations (
    operation_id        VARCHAR(128) NOT NULL PRIMARY KEY,
    operation_type      VARCHAR(32)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    mode                VARCHAR(16)  NOT NULL,
    -- the process (opsbridge.operations.node-id) whose bridge runs a local operation
    owner_node          VARCHAR(128) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    progress_json       VARCHAR NOT NULL,
    metadata_json       VARCHAR,
    result_summary_json VARCHAR,
    error_message       VARCHAR,
    metrics_count       INTEGER NOT NULL,
    version             BIGINT  NOT NULL
);
-- listing: newest first, optionally filtered by status and/or type
CREATE INDEX operations_created_idx ON operations (created_at DESC, operation_id);
CREATE INDEX operations_status_created_idx ON operations (status, created_at DESC);
CREATE INDEX operations_type_created_idx ON operations (operation_type, created_at DESC);
-- retention: finished operations by completion time
CREATE INDEX operations_completed_idx ON operations (completed_at);
-- startup recovery: unfinished local operations of one node
CREATE INDEX operations_owner_status_idx ON operations (owner_node, status);

-- Append-only metrics; seq is the cursor position (0-based), so metrics?cursor=n is a range read.
CREATE TABLE operation_metrics (
    operation_id VARCHAR(128) NOT NULL,
    seq          INTEGER      NOT NULL,
    metric_json  VARCHAR      NOT NULL,
    PRIMARY KEY (operation_id, seq)
);

-- Backend operation id -> the operation on a host that does the work.
CREATE TABLE remote_mappings (
    operation_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    host_service_url   VARCHAR(512) NOT NULL,
    host_operation_id  VARCHAR(128) NOT NULL,
    -- the host-side metrics cursor up to which metrics were copied into operation_metrics
    host_metrics_cursor INTEGER     NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_contact_at    TIMESTAMP WITH TIME ZONE,
    unreachable_since  TIMESTAMP WITH TIME ZONE
);

-- What is left of an operation removed by retention: enough to answer 410 Gone instead of 404.
CREATE TABLE operation_tombstones (
    operation_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    operation_type VARCHAR(32)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    deleted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
