package io.opsbridge.backend.models.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The registry rules on H2, the embedded default. */
class H2ModelRegistryStoreTest extends ModelRegistryStoreContract {

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
