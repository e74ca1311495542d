package io.opsbridge.core.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on the real PostgreSQL (127.0.0.1:5432, database {@code test}); never skipped:
 * if PostgreSQL is down this fails, and {@code .ci/run} starts it first.
 */
class PostgresJdbcStoreTest extends JdbcStoreContract {

    private static final String SCHEMA = "contract_" + Long.toHexString(System.nanoTime());
    private static DataSource pg;

    @BeforeAll
    static void migrate() {
        pg = TestDatabases.postgres(SCHEMA);
    }

    @AfterAll
    static void drop() throws SQLException {
        TestDatabases.dropPostgresSchema(pg, SCHEMA);
    }

    @Override
    protected DataSource dataSource() {
        return pg;
    }
}
