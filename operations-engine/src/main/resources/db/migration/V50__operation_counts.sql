-- Issue 14 (scale): how many operations there are per status and type, kept by the store in the same
-- transaction as each insert, status change and delete, so a list's total and active count read a few
-- rows instead of counting the whole operations table (which grows to 100,000s of finished rows).
CREATE TABLE operation_counts (
    status         VARCHAR(16) NOT NULL,
    operation_type VARCHAR(32) NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (status, operation_type)
);
-- every status and type known today, so concurrent first operations only ever update a row
INSERT INTO operation_counts (status, operation_type, n) VALUES
    ('pending', 'training', 0), ('running', 'training', 0), ('completed', 'training', 0),
    ('failed', 'training', 0), ('cancelled', 'training', 0),
    ('pending', 'data_loading', 0), ('running', 'data_loading', 0), ('completed', 'data_loading', 0),
    ('failed', 'data_loading', 0), ('cancelled', 'data_loading', 0);
UPDATE operation_counts SET n = (SELECT COUNT(*) FROM operations o
    WHERE o.status = operation_counts.status AND o.operation_type = operation_counts.operation_type);
