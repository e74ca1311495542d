-- Issue 14 (scale): a filtered list page (ORDER BY created_at DESC, operation_id LIMIT n) read in index
-- order without sorting every matching row: the filter columns, then the whole sort key. The indexes
-- of V1 lacked operation_id (the tie-break), so a database had to sort all rows of a status or type.
CREATE INDEX operations_status_list_idx ON operations (status, created_at DESC, operation_id);
CREATE INDEX operations_type_list_idx ON operations (operation_type, created_at DESC, operation_id);
CREATE INDEX operations_status_type_list_idx ON operations (status, operation_type, created_at DESC, operation_id);
DROP INDEX operations_status_created_idx;
DROP INDEX operations_type_created_idx;
