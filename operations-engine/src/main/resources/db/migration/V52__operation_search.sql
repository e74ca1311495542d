-- Issue 28 (find runs): the list searches by strategy and symbol with an index, never LIKE '%...%' over
-- metadata_json. The strategy (a training's metadata.parameters.strategy) becomes a column; the symbols
-- of an operation become rows of operation_symbols, with the operation's created_at, so a page of one
-- symbol (newest first) is a range of its index. The backend's V53 (Java) fills both for the operations already stored.
ALTER TABLE operations ADD COLUMN strategy VARCHAR(64);
CREATE INDEX operations_strategy_list_idx ON operations (strategy, created_at DESC, operation_id);

CREATE TABLE operation_symbols (
    symbol       VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    operation_id VARCHAR(128) NOT NULL
);
-- the list's order (created_at DESC, operation_id) exactly, so a page is read in index order, not sorted
CREATE UNIQUE INDEX operation_symbols_list_idx ON operation_symbols (symbol, created_at DESC, operation_id);
-- deleting an operation deletes its symbols
CREATE INDEX operation_symbols_operation_idx ON operation_symbols (operation_id);
