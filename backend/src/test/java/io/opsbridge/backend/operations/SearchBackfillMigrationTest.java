package io.opsbridge.backend.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.backend.models.store.RegistryDatabases;
import io.opsbridge.core.store.JdbcOperationStore;
import io.opsbridge.core.store.OperationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Operations stored before the search columns existed (V52) are found by symbol and strategy once
 * V53 (this module's Java migration) has run: an upgrade keeps every old run findable. On H2 and on
 * PostgreSQL, migrated by one Flyway run over every module's migrations, as the application runs them.
 */
class SearchBackfillMigrationTest {

    @Test
    void anOperationStoredBeforeV52IsFoundBySymbolAndStrategyOnH2() throws SQLException {
        DataSource h2 = RegistryDatabases.h2("51");
        insertAsBeforeV52(h2);
        RegistryDatabases.migrate(h2, null, null);

        assertFoundAfterUpgrade(h2);
    }

    @Test
    void anOperationStoredBeforeV52IsFoundBySymbolAndStrategyOnPostgres() throws SQLException {
        String schema = "backfill_" + Long.toHexString(System.nanoTime());
        DataSource pg = RegistryDatabases.postgres(schema, "51");
        try {
            insertAsBeforeV52(pg);
            RegistryDatabases.migrate(pg, schema, null);

            assertFoundAfterUpgrade(pg);
        } finally {
            RegistryDatabases.dropPostgresSchema(pg, schema);
        }
    }

    /** A row as V1..V51 stored it: symbols and strategy only inside metadata_json. */
    private static void insertAsBeforeV52(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO operations (operation_id, operation_type, status, mode, owner_node, created_at,"
                    + " updated_at, progress_json, metadata_json, metrics_count, version) VALUES ('op_training_old',"
                    + " 'training', 'completed', 'local', 'node-a', TIMESTAMP WITH TIME ZONE '2026-12-06 09:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-12-06 09:05:00+00', '{}',"
                    + " '{\"symbols\":[\"AAPL\",\"MSFT\"],\"timeframe\":\"1h\",\"mode\":\"local\","
                    + "\"parameters\":{\"strategy\":\"mlp_direction\",\"epochs\":3}}', 0, 3)");
            s.executeUpdate("UPDATE operation_counts SET n = 1 WHERE status = 'completed' AND operation_type = 'training'");
        }
    }

    private static void assertFoundAfterUpgrade(DataSource db) {
        OperationStore store = new JdbcOperationStore(db, "node-a");
        OperationList msft = store.list(new OperationQuery(null, null, 10, 0, null, "MSFT", null, null, null, null));
        OperationList strategy = store.list(new OperationQuery(null, null, 10, 0, null, null, "mlp_direction", null,
                null, null));

        assertThat(msft.operations()).extracting(OperationInfo::operationId).containsExactly("op_training_old");
        assertThat(msft.counts().completed()).isEqualTo(1);
        assertThat(strategy.operations()).extracting(OperationInfo::operationId).containsExactly("op_training_old");
        store.delete("op_training_old");
        assertThat(store.list(new OperationQuery(null, null, 10, 0, null, "AAPL", null, null, null, null)).total())
                .isZero();
    }
}
