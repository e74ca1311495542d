package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 28: fills the search columns of operations-engine's V52 ({@code operations.strategy},
 * {@code operation_symbols}) for the operations stored before it, from their {@code metadata_json}. A Java
 * migration because neither database's SQL can take a JSON array apart portably; new operations get both
 * from the store's insert. It lives in the backend, the one app that runs a database and Flyway (the hosts,
 * which share the engine, have neither).
 * On PostgreSQL it also adds the pattern index that lets {@code operation_id LIKE 'prefix%'} use an
 * index whatever the database's collation (H2 serves it from the primary key).
 */
public class V53__OperationSearchBackfill extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            try (Statement ddl = c.createStatement()) {
                ddl.execute("CREATE INDEX operations_id_prefix_idx ON operations (operation_id varchar_pattern_ops)");
            }
        }
        try (Statement select = c.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT operation_id, created_at, metadata_json FROM operations WHERE metadata_json IS NOT NULL");
                PreparedStatement strategy = c.prepareStatement("UPDATE operations SET strategy = ? WHERE operation_id = ?");
                PreparedStatement symbol = c.prepareStatement(
                        "INSERT INTO operation_symbols (symbol, created_at, operation_id) VALUES (?, ?, ?)")) {
            while (rows.next()) {
                String id = rows.getString(1);
                JsonNode metadata = JSON.readTree(rows.getString(3));
                JsonNode name = metadata.path("parameters").path("strategy");
                if (name.isTextual() && name.asText().length() <= 64) {
                    strategy.setString(1, name.asText());
                    strategy.setString(2, id);
                    strategy.executeUpdate();
                }
                for (JsonNode s : metadata.path("symbols")) {
                    if (s.isTextual() && s.asText().length() <= 32) {
                        symbol.setString(1, s.asText());
                        symbol.setObject(2, rows.getObject(2));
                        symbol.setString(3, id);
                        symbol.executeUpdate();
                    }
                }
            }
        }
    }
}
