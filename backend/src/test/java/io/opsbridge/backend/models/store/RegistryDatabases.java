package io.opsbridge.backend.models.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases migrated by ONE Flyway run over {@code db/migration}: operations-engine's,
 * operations-server's and this module's migrations together, as the application runs them.
 * PostgreSQL: 127.0.0.1:5432, database {@code test}, a fresh schema per test class (override with
 * {@code OPSBRIDGE_TEST_PG_HOST/_PORT/_DB/_USER}).
 */
public final class RegistryDatabases {

    private RegistryDatabases() {
    }

    public static DataSource h2() {
        return h2(null);
    }

    /** A fresh H2 database migrated up to {@code target} (a version; null: the latest). */
    public static DataSource h2(String target) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:registry_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        migrate(h2, null, target);
        return h2;
    }

    public static PGSimpleDataSource postgres(String schema) {
        return postgres(schema, null);
    }

    /** A freshly created schema migrated up to {@code target} (null: the latest). */
    public static PGSimpleDataSource postgres(String schema, String target) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {env("OPSBRIDGE_TEST_PG_HOST", "127.0.0.1")});
        pg.setPortNumbers(new int[] {Integer.parseInt(env("OPSBRIDGE_TEST_PG_PORT", "5432"))});
        pg.setDatabaseName(env("OPSBRIDGE_TEST_PG_DB", "test"));
        pg.setUser(env("OPSBRIDGE_TEST_PG_USER", "postgres"));
        pg.setCurrentSchema(schema);
        migrate(pg, schema, target);
        return pg;
    }

    public static void dropPostgresSchema(DataSource pg, String schema) throws SQLException {
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static void clear(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM model_registry");
        }
    }

    /** One Flyway run over every module's migrations, up to {@code target} (null: all of them). */
    public static void migrate(DataSource dataSource, String schema, String target) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
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
