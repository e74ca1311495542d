package io.opsbridge.backend.models.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The registry rules on the real PostgreSQL (127.0.0.1:5432, database {@code test}); never skipped,
 * like operations-engine's store contract: {@code .ci/run} starts PostgreSQL first.
 */
class PostgresModelRegistryStoreTest extends ModelRegistryStoreContract {

    private static final String SCHEMA = "registry_" + Long.toHexString(System.nanoTime());
    private static DataSource pg;

    @BeforeAll
    static void migrate() {
        pg = RegistryDatabases.postgres(SCHEMA);
    }

    @AfterAll
    static void drop() throws SQLException {
        RegistryDatabases.dropPostgresSchema(pg, SCHEMA);
    }

    @Override
    protected DataSource dataSource() {
        return pg;
    }
}
