package io.opsbridge.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on H2, the embedded default. */
class H2JdbcStoreTest extends JdbcStoreContract {

    private static DataSource h2;

    @BeforeAll
    static void migrate() {
        h2 = TestDatabases.h2();
    }

    @Override
    protected DataSource dataSource() {
        return h2;
    }
}
