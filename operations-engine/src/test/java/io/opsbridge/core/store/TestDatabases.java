package io.opsbridge.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases for the store contract, migrated with the production Flyway scripts.
 * PostgreSQL: 127.0.0.1:5432, database {@code test}, a fresh schema per test class (dropped after),
 * so reruns never see old rows. Override with {@code OPSBRIDGE_TEST_PG_HOST/_PORT/_DB/_USER}.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:contract_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        migrate(h2, null);
        return h2;
    }

    /** A freshly created, migrated schema; the caller drops it with {@link #dropPostgresSchema}. */
    static PGSimpleDataSource postgres(String schema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {env("OPSBRIDGE_TEST_PG_HOST", "127.0.0.1")});
        pg.setPortNumbers(new int[] {Integer.parseInt(env("OPSBRIDGE_TEST_PG_PORT", "5432"))});
        pg.setDatabaseName(env("OPSBRIDGE_TEST_PG_DB", "test"));
        pg.setUser(env("OPSBRIDGE_TEST_PG_USER", "postgres"));
        pg.setCurrentSchema(schema);
        migrate(pg, schema);
        return pg;
    }

    static void dropPostgresSchema(DataSource pg, String schema) throws SQLException {
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static void clear(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"operation_metrics", "operation_logs", "remote_mappings", "operation_tombstones",
                    "operation_symbols", "operations", "idempotency_keys", "search_counts"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
            // the store keeps these with every change; rows deleted behind its back are uncounted here
            s.executeUpdate("UPDATE operation_counts SET n = 0");
        }
    }

    private static void migrate(DataSource dataSource, String schema) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema);
        }
        config.load().migrate();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
