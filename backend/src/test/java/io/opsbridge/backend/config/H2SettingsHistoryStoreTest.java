package io.opsbridge.backend.config;

import io.opsbridge.backend.models.store.RegistryDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The reload history on H2, the embedded default. */
class H2SettingsHistoryStoreTest extends SettingsHistoryStoreContract {

    private static DataSource h2;

    @BeforeAll
    static void migrate() {
        h2 = RegistryDatabases.h2();
    }

    @Override
    protected DataSource dataSource() {
        return h2;
    }
}
