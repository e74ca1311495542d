package io.opsbridge.backend.config;

import io.opsbridge.backend.models.store.RegistryDatabases;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The reload history on the real PostgreSQL (127.0.0.1:5432, database {@code test}). */
class PostgresSettingsHistoryStoreTest extends SettingsHistoryStoreContract {

    private static final String SCHEMA = "settings_" + Long.toHexString(System.nanoTime());
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
