package io.opsbridge.backend.models.store;

import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.ModelStatus;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.NewModelVersion;
import io.opsbridge.core.store.Jdbc;
import io.opsbridge.core.store.JdbcColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code model_registry} table (migration {@code V10__model_registry.sql}) on any database the
 * migrations run on; H2 and PostgreSQL are tested.
 *
 * <p>Activation is one transaction that locks the strategy's rows, deactivates the active row and
 * activates the new one; the table's constraint makes a second active row impossible even for a
 * writer that skips this class. Version numbers are {@code max + 1} per strategy; two concurrent
 * registrations collide on the unique key and the loser retries.
 */
public class ModelRegistryStore {

    private static final int ATTEMPTS = 20;
    private static final String COLUMNS = "id, strategy_name, version, model_path, status, performance_metrics, config,"
            + " status_message, operation_id, created_at, activated_at, deactivated_at";

    private final Jdbc tx;

    public ModelRegistryStore(DataSource dataSource) {
        this.tx = new Jdbc(dataSource, RegistryStoreException::new);
    }

    /**
     * Registers a model as the strategy's next {@code inactive} version. Registering the same
     * training again returns the version it already has.
     */
    public ModelVersion register(NewModelVersion model) {
        return tx.retryingOnConflict(ATTEMPTS, c -> {
            if (model.operationId() != null) {
                Optional<ModelVersion> existing = selectOne(c, "operation_id = ?", model.operationId());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            int number = nextNumber(c, model.strategyName());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO model_registry (strategy_name, version,"
                    + " version_number, model_path, status, performance_metrics, config, operation_id, created_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, model.strategyName());
                insert.setString(2, "v" + number);
                insert.setInt(3, number);
                insert.setString(4, model.modelPath());
                insert.setString(5, ModelStatus.INACTIVE.wireName());
                JdbcColumns.setText(insert, 6, Json.write(model.performanceMetrics()));
                JdbcColumns.setText(insert, 7, Json.write(model.config()));
                JdbcColumns.setText(insert, 8, model.operationId());
                JdbcColumns.setInstant(insert, 9, Instant.now());
                insert.executeUpdate();
            }
            return selectOne(c, "strategy_name = ? AND version = ?", model.strategyName(), "v" + number).orElseThrow();
        });
    }

    /** Every version, of one strategy or of all ({@code strategy == null}), oldest first. */
    public List<ModelVersion> list(String strategy) {
        return tx.inTransaction(c -> strategy == null
                ? select(c, "1 = 1 ORDER BY strategy_name, version_number")
                : select(c, "strategy_name = ? ORDER BY version_number", strategy));
    }

    /** The names of every strategy with at least one version, sorted. */
    public List<String> strategies() {
        return tx.inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT DISTINCT strategy_name FROM model_registry ORDER BY strategy_name");
                    ResultSet rows = query.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        });
    }

    public Optional<ModelVersion> find(String strategy, String version) {
        return tx.inTransaction(c -> selectOne(c, "strategy_name = ? AND version = ?", strategy, version));
    }

    /** The strategy's active version, if any. */
    public Optional<ModelVersion> active(String strategy) {
        return tx.inTransaction(c -> selectOne(c, "active_strategy = ?", strategy));
    }

    /**
     * Makes {@code version} the strategy's one active version and the previous one inactive, in one
     * transaction; activating the active version changes nothing.
     *
     * @throws ModelNotFoundException if there is no such version
     */
    public ModelVersion activate(String strategy, String version) {
        return tx.retryingOnConflict(ATTEMPTS, c -> {
            lockStrategy(c, strategy);
            ModelVersion target = selectOne(c, "strategy_name = ? AND version = ?", strategy, version)
                    .orElseThrow(() -> new ModelNotFoundException(strategy, version));
            if (target.status() == ModelStatus.ACTIVE) {
                return target;
            }
            Instant now = Instant.now();
            try (PreparedStatement deactivate = c.prepareStatement("UPDATE model_registry SET status = 'inactive',"
                    + " active_strategy = NULL, deactivated_at = ? WHERE active_strategy = ?")) {
                JdbcColumns.setInstant(deactivate, 1, now);
                deactivate.setString(2, strategy);
                deactivate.executeUpdate();
            }
            try (PreparedStatement activate = c.prepareStatement("UPDATE model_registry SET status = 'active',"
                    + " active_strategy = strategy_name, activated_at = ?, status_message = NULL WHERE id = ?")) {
                JdbcColumns.setInstant(activate, 1, now);
                activate.setLong(2, target.id());
                activate.executeUpdate();
            }
            return selectOne(c, "id = ?", target.id()).orElseThrow();
        });
    }

    /** Records that a version which is not active could not be loaded; an active row is left alone. */
    public void markFailed(String strategy, String version, String reason) {
        tx.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE model_registry SET status = 'failed',"
                    + " status_message = ? WHERE strategy_name = ? AND version = ? AND status <> 'active'")) {
                update.setString(1, reason);
                update.setString(2, strategy);
                update.setString(3, version);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static void lockStrategy(Connection c, String strategy) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT id FROM model_registry WHERE strategy_name = ? FOR UPDATE")) {
            lock.setString(1, strategy);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
        }
    }

    private static int nextNumber(Connection c, String strategy) throws SQLException {
        try (PreparedStatement max = c.prepareStatement(
                "SELECT MAX(version_number) FROM model_registry WHERE strategy_name = ?")) {
            max.setString(1, strategy);
            try (ResultSet row = max.executeQuery()) {
                row.next();
                return row.getInt(1) + 1;
            }
        }
    }

    private static Optional<ModelVersion> selectOne(Connection c, String where, Object... args) throws SQLException {
        List<ModelVersion> rows = select(c, where, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<ModelVersion> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM model_registry WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            List<ModelVersion> versions = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    versions.add(new ModelVersion(row.getLong("id"), row.getString("strategy_name"),
                            row.getString("version"), row.getString("model_path"),
                            ModelStatus.fromWire(row.getString("status")),
                            Json.readMap(row.getString("performance_metrics")), Json.readMap(row.getString("config")),
                            row.getString("status_message"), row.getString("operation_id"),
                            JdbcColumns.getInstant(row, "created_at"), JdbcColumns.getInstant(row, "activated_at"),
                            JdbcColumns.getInstant(row, "deactivated_at")));
                }
            }
            return versions;
        }
    }
}
