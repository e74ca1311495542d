-- Issue 28 (find runs): a search's counts per status without visiting the operations table. Measured at
-- 100,000 operations on PostgreSQL (bench/scale.sh), the counts of a broad symbol search (1 in 4) joined every
-- match to operations for its status: 410 ms. Each symbol row now carries its operation's type and status (the
-- store moves the status with the operation's), so a symbol's counts, with a type and a created-at range, are
-- read from operation_symbols alone; a strategy's from an index that holds strategy, type and status.
ALTER TABLE operation_symbols ADD COLUMN operation_type VARCHAR(32);
ALTER TABLE operation_symbols ADD COLUMN status VARCHAR(16);
UPDATE operation_symbols SET operation_type = (SELECT o.operation_type FROM operations o
    WHERE o.operation_id = operation_symbols.operation_id), status = (SELECT o.status FROM operations o
    WHERE o.operation_id = operation_symbols.operation_id);
ALTER TABLE operation_symbols ALTER COLUMN operation_type SET NOT NULL;
ALTER TABLE operation_symbols ALTER COLUMN status SET NOT NULL;
CREATE INDEX operation_symbols_counts_idx ON operation_symbols (symbol, operation_type, status, created_at);
CREATE INDEX operations_strategy_counts_idx ON operations (strategy, operation_type, status);
