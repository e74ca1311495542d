-- Issue 28 (find runs): a broad search's counts per status in a few rows. Measured at 100,000 operations on
-- PostgreSQL (bench/scale.sh), the counts of symbol=AAPL (1 in 4) read 25,000 rows of operation_symbols (85 ms,
-- 13x the plain list) and of strategy=mlp_direction (1 in 3) 33,000 index entries (137 ms, 21x). As
-- operation_counts keeps them per type and status, search_counts keeps them per symbol and per strategy, changed
-- in the transaction that inserts, moves or deletes an operation. Every status of a (facet, value, type) has a
-- row from its first operation on, so a status move only ever updates rows.
CREATE TABLE search_counts (
    facet          VARCHAR(8)  NOT NULL,
    facet_value    VARCHAR(64) NOT NULL,
    operation_type VARCHAR(32) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (facet, facet_value, operation_type, status)
);

INSERT INTO search_counts (facet, facet_value, operation_type, status, n)
SELECT 'symbol', k.symbol, k.operation_type, st.status, COALESCE(c.n, 0)
FROM (SELECT DISTINCT symbol, operation_type FROM operation_symbols) k
CROSS JOIN (VALUES ('pending'), ('running'), ('completed'), ('failed'), ('cancelled')) AS st (status)
LEFT JOIN (SELECT symbol, operation_type, status, COUNT(*) AS n FROM operation_symbols
           GROUP BY symbol, operation_type, status) c
    ON c.symbol = k.symbol AND c.operation_type = k.operation_type AND c.status = st.status;

INSERT INTO search_counts (facet, facet_value, operation_type, status, n)
SELECT 'strategy', k.strategy, k.operation_type, st.status, COALESCE(c.n, 0)
FROM (SELECT DISTINCT strategy, operation_type FROM operations WHERE strategy IS NOT NULL) k
CROSS JOIN (VALUES ('pending'), ('running'), ('completed'), ('failed'), ('cancelled')) AS st (status)
LEFT JOIN (SELECT strategy, operation_type, status, COUNT(*) AS n FROM operations WHERE strategy IS NOT NULL
           GROUP BY strategy, operation_type, status) c
    ON c.strategy = k.strategy AND c.operation_type = k.operation_type AND c.status = st.status;
